/// Weekly open hours in a time zone, minus holidays: the clock an SLA target is counted on.
public struct BusinessSchedule: Codable, Sendable, Equatable {
    /// IANA time zone identifier, e.g. `America/Los_Angeles`.
    public var timeZone: String
    /// Open intervals per weekday, index 0 = Sunday ... 6 = Saturday. Empty means closed all day.
    public var week: [[OpenInterval]]
    public var holidays: [Holiday]
    /// A calendar clock (24x7): every minute counts, holidays ignored.
    public var alwaysOpen: Bool

    public init(timeZone: String, week: [[OpenInterval]], holidays: [Holiday] = [], alwaysOpen: Bool = false) {
        self.timeZone = timeZone
        self.week = week
        self.holidays = holidays
        self.alwaysOpen = alwaysOpen
    }

    /// 24x7: every minute counts.
    public static let calendar = BusinessSchedule(timeZone: "UTC", week: [], holidays: [], alwaysOpen: true)
}
