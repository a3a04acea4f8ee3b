/// What an accepted command does: the records to write, one audit event per change, and a summary line.
public struct Outcome: Sendable, Equatable {
    public var changes: [Change]
    public var audit: [AuditEvent]
    /// A one-line human summary ("escalation 88 acknowledged by alice").
    public var message: String
    /// What must happen once committed (never inside the transaction), in order.
    public var effects: [AfterCommit]

    public init(changes: [Change] = [], audit: [AuditEvent] = [], message: String, effects: [AfterCommit] = []) {
        self.changes = changes
        self.audit = audit
        self.message = message
        self.effects = effects
    }

    /// The pages among the effects.
    public var pages: [OutboundPage] {
        effects.map { effect in
            switch effect {
            case .page(let page): page
            }
        }
    }

    /// Nothing to write.
    public var isEmpty: Bool { changes.isEmpty && audit.isEmpty }
}
