import Foundation

/// A ticket waiting for a first reply, with its FRT deadline (source-supplied or computed).
public struct FRTItem: Sendable, Equatable, Identifiable {
    public var ticket: Ticket
    /// nil when paused or when the policy gives no SLA.
    public var deadline: Date?
    public var paused: Bool
    /// The policy's name ("Priority Support", "Needs Org").
    public var policy: String

    public init(ticket: Ticket, deadline: Date?, paused: Bool, policy: String) {
        self.ticket = ticket
        self.deadline = deadline
        self.paused = paused
        self.policy = policy
    }

    public var id: Int64 { ticket.id }

    /// Seconds until the breach (negative once breached); nil when there is no countdown.
    public func remaining(at now: Date) -> Double? {
        guard !paused, let deadline else { return nil }
        return deadline.timeIntervalSince(now)
    }

    public func risk(at now: Date, thresholds: RiskThresholds) -> Risk {
        Risk.of(remaining: remaining(at: now), paused: paused, thresholds: thresholds)
    }
}
