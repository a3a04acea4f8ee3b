import Foundation

/// An upgrade assistance request the manager may need to help with.
public struct UpgradeRequest: Codable, Sendable, Equatable, Identifiable {
    /// The Zendesk ticket number of the request.
    public var id: Int64
    public var customer: String
    public var scheduledAt: Date
    public var requestedAt: Date
    /// Multi-node, HA or Geo upgrades need more notice.
    public var complex: Bool
    public var engineer: String?
    /// When the engineer last changed (for the `assignee-changed` flag).
    public var engineerChangedAt: Date?
    public var previousEngineer: String?
    /// When it was last rescheduled: a reschedule must meet the minimum notice too (DOMAIN.md §6).
    public var rescheduledAt: Date?
    public var done: Bool
    public var revision: Int

    public init(
        id: Int64, customer: String, scheduledAt: Date, requestedAt: Date, complex: Bool = false,
        engineer: String? = nil, engineerChangedAt: Date? = nil, previousEngineer: String? = nil,
        rescheduledAt: Date? = nil, done: Bool = false, revision: Int = 0
    ) {
        self.id = id
        self.customer = customer
        self.scheduledAt = scheduledAt
        self.requestedAt = requestedAt
        self.complex = complex
        self.engineer = engineer
        self.engineerChangedAt = engineerChangedAt
        self.previousEngineer = previousEngineer
        self.rescheduledAt = rescheduledAt
        self.done = done
        self.revision = revision
    }
}
