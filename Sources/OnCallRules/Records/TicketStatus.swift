/// Zendesk ticket status; `unknown` keeps custom or future statuses instead of rejecting them.
public enum TicketStatus: String, Codable, Sendable, CaseIterable {
    case new, open, pending, hold, solved, closed, deleted, unknown

    /// Solved, closed and deleted tickets never wait for a first reply.
    public var isFinished: Bool { self == .solved || self == .closed || self == .deleted }
}
