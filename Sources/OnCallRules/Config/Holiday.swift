/// A day (or run of days) the business clock stops, as Zendesk schedules and zendesk/biz have them.
public enum Holiday: Codable, Sendable, Equatable, Hashable {
    /// The same date every year (`"12-25"`).
    case fixed(month: Int, day: Int)
    /// One date only (`"2026-12-24"`).
    case date(year: Int, month: Int, day: Int)
    /// Every year from one date to another, both included; may wrap the new year (`"12-24..12-26"`).
    case annualRange(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int)
    /// A run of dates once, both included (`"2026-12-24..2027-01-01"`).
    case dateRange(from: CivilDate, to: CivilDate)
    /// Easter Sunday plus `offset` days (`"easter"`, `"easter+1"` = Easter Monday, `"easter-2"` = Good Friday).
    case easter(offset: Int)

    /// Easter Sunday itself.
    public static let easterSunday = Holiday.easter(offset: 0)

    /// Whether the local date is covered.
    public func contains(_ date: CivilDate) -> Bool {
        switch self {
        case .fixed(let month, let day):
            return date.month == month && date.day == day
        case .date(let year, let month, let day):
            return date == CivilDate(year: year, month: month, day: day)
        case .annualRange(let fromMonth, let fromDay, let toMonth, let toDay):
            let here = date.month * 100 + date.day
            let from = fromMonth * 100 + fromDay
            let to = toMonth * 100 + toDay
            return from <= to ? (from...to).contains(here) : here >= from || here <= to
        case .dateRange(let from, let to):
            return (from.daysSinceEpoch...max(from.daysSinceEpoch, to.daysSinceEpoch)).contains(
                date.daysSinceEpoch)
        case .easter(let offset):
            let sunday = BusinessSchedule.easterSunday(year: date.year)
            let easter = CivilDate(year: date.year, month: sunday.month, day: sunday.day).daysSinceEpoch
            return date.daysSinceEpoch == easter + offset
        }
    }
}
