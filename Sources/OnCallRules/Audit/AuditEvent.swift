import Foundation

/// One line of the append-only audit trail: who did what to which record, and what changed.
public struct AuditEvent: Codable, Sendable, Equatable {
    /// Assigned by the store; nil before it is written.
    public var id: Int64?
    public var at: Date
    /// A manager's name, or `import:<vendor>`.
    public var actor: String
    /// `escalation.ack`, `emergency.handoff`, `import.update`...
    public var verb: String
    public var target: RecordRef
    public var before: String?
    public var after: String?
    public var note: String?

    public init(
        id: Int64? = nil, at: Date, actor: String, verb: String, target: RecordRef, before: String? = nil,
        after: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.verb = verb
        self.target = target
        self.before = before
        self.after = after
        self.note = note
    }
}
