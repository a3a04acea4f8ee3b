/// Missed-page and long-running thresholds for emergencies (DOMAIN.md §4).
public struct EmergencyTimings: Codable, Sendable, Equatable {
    /// Still triggered this long after paging: the manager on call is the next tier.
    public var managerMinutes: Int
    /// Still triggered this long after paging: senior managers are paged.
    public var seniorMinutes: Int
    /// Running longer than this: consider an account escalation.
    public var longRunningMinutes: Int

    public init(managerMinutes: Int = 10, seniorMinutes: Int = 15, longRunningMinutes: Int = 180) {
        self.managerMinutes = managerMinutes
        self.seniorMinutes = seniorMinutes
        self.longRunningMinutes = longRunningMinutes
    }
}
