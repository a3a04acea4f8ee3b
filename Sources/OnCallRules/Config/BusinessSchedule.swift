/// Weekly open hours in a time zone, with one-off hours on given dates, minus holidays: the clock an SLA
/// target is counted on.
public struct BusinessSchedule: Codable, Sendable, Equatable {
    /// IANA time zone identifier, e.g. `America/Los_Angeles`.
    public var timeZone: String
    /// Open intervals per weekday, index 0 = Sunday ... 6 = Saturday. Empty means closed all day.
    public var week: [[OpenInterval]]
    public var holidays: [Holiday]
    /// One-off hours on a local date (days since 1970-01-01) that replace that weekday's hours; an empty list
    /// closes the date. A holiday still closes it (as zendesk/biz's shifts and holidays).
    public var dates: [Int: [OpenInterval]]
    /// A calendar clock (24x7): every minute counts, holidays ignored.
    public var alwaysOpen: Bool

    public init(
        timeZone: String, week: [[OpenInterval]], holidays: [Holiday] = [],
        dates: [Int: [OpenInterval]] = [:],
        alwaysOpen: Bool = false
    ) {
        self.timeZone = timeZone
        self.week = week
        self.holidays = holidays
        self.dates = dates
        self.alwaysOpen = alwaysOpen
    }

    /// 24x7: every minute counts.
    public static let calendar = BusinessSchedule(
        timeZone: "UTC", week: [], holidays: [], alwaysOpen: true)
}
