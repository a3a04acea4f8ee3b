/// Upgrade-assistance thresholds (UNVERIFIED in DOMAIN.md §6, so configurable).
public struct UpgradeThresholds: Codable, Sendable, Equatable {
    public var noticeDaysSimple: Int
    public var noticeDaysComplex: Int
    /// No engineer this long after the request: `unassigned`.
    public var unassignedHours: Int
    /// Engineer changed within this long before the scheduled time: `assignee-changed`.
    public var assigneeChangeHours: Int
    /// The schedule that counts as Global Support Hours.
    public var supportHoursSchedule: String

    public init(
        noticeDaysSimple: Int = 7, noticeDaysComplex: Int = 14, unassignedHours: Int = 24,
        assigneeChangeHours: Int = 24, supportHoursSchedule: String = "business"
    ) {
        self.noticeDaysSimple = noticeDaysSimple
        self.noticeDaysComplex = noticeDaysComplex
        self.unassignedHours = unassignedHours
        self.assigneeChangeHours = assigneeChangeHours
        self.supportHoursSchedule = supportHoursSchedule
    }
}
