import Foundation

/// An escalation with its respond-by deadline.
public struct EscalationItem: Sendable, Equatable, Identifiable {
    public var escalation: Escalation
    public var respondBy: Date

    public init(escalation: Escalation, respondBy: Date) {
        self.escalation = escalation
        self.respondBy = respondBy
    }

    public var id: Int64 { escalation.id }

    /// Seconds left to respond (negative once overdue).
    public func remaining(at now: Date) -> Double { respondBy.timeIntervalSince(now) }

    /// Overdue: still new (nobody responded) past respond-by.
    public func isOverdue(at now: Date) -> Bool { escalation.state == .new && now >= respondBy }
}
