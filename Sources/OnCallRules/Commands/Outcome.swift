/// What an accepted command does: the records to write, one audit event per change, and a summary line.
public struct Outcome: Sendable, Equatable {
    public var changes: [Change]
    public var audit: [AuditEvent]
    /// A one-line human summary ("escalation 88 acknowledged by alice").
    public var message: String
    /// Pages to send once committed (never inside the transaction).
    public var pages: [OutboundPage]

    public init(changes: [Change] = [], audit: [AuditEvent] = [], message: String, pages: [OutboundPage] = []) {
        self.changes = changes
        self.audit = audit
        self.message = message
        self.pages = pages
    }

    /// Nothing to write.
    public var isEmpty: Bool { changes.isEmpty && audit.isEmpty }
}
