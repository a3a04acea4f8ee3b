/// A first-response target: how many minutes, counted on which named schedule.
public struct SLATarget: Codable, Sendable, Equatable {
    public var minutes: Int
    /// A key of `OnCallConfig.schedules` (`calendar` is 24x7).
    public var schedule: String

    public init(minutes: Int, schedule: String) {
        self.minutes = minutes
        self.schedule = schedule
    }
}
