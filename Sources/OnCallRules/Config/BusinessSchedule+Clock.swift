import Foundation

extension BusinessSchedule {
    /// The schedule's time zone (UTC when the identifier is unknown; `OnCallConfig.problems()` reports those).
    public var zone: TimeZone {
        TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// `start` plus `minutes` of open time. Starting while closed counts from the next opening; a deadline
    /// landing exactly on a closing time is that closing time. Walks open intervals day by day, never minute
    /// by minute. A schedule that never opens (within two years), or a target it cannot reach within
    /// `maximumDays`, gives `Date.distantFuture`: however large `minutes` is, the walk is bounded.
    public func adding(minutes: Int, to start: Date) -> Date {
        if minutes <= 0 { return start }
        // Double arithmetic: no Int overflow whatever the configured value.
        if alwaysOpen { return start.addingTimeInterval(min(Double(minutes) * 60, Self.maximumSeconds)) }
        let zone = zone
        var remaining = Double(minutes) * 60
        var day = LocalDay(start, in: zone)
        var closedDays = 0
        var walked = 0
        while closedDays < 800 && walked < Self.maximumDays {
            walked += 1
            let intervals = openIntervals(on: day, zone: zone)
            if intervals.isEmpty { closedDays += 1 } else { closedDays = 0 }
            for (open, close) in intervals where close > start {
                let from = max(open, start)
                let available = close.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            day = day.next
        }
        return .distantFuture
    }

    /// How far a deadline may lie: ten years of days walked (the config allows targets of up to a year of
    /// open time, which on a 12x5 clock is about three years).
    static let maximumDays = 3_660
    static let maximumSeconds = Double(maximumDays) * 86_400

    /// Whether the clock runs at `date`: inside an open interval of a day that is not a holiday.
    public func isOpen(at date: Date) -> Bool {
        if alwaysOpen { return true }
        let zone = zone
        return openIntervals(on: LocalDay(date, in: zone), zone: zone)
            .contains { $0.0 <= date && date < $0.1 }
    }

    /// The first moment at or after `date` when the clock runs (`date` itself when open).
    public func nextOpening(atOrAfter date: Date) -> Date {
        if alwaysOpen { return date }
        let zone = zone
        var day = LocalDay(date, in: zone)
        for _ in 0..<800 {
            for (open, close) in openIntervals(on: day, zone: zone) where close > date {
                return max(open, date)
            }
            day = day.next
        }
        return .distantFuture
    }

    /// Whether the local day containing `date` is one of the holidays.
    public func isHoliday(_ date: Date) -> Bool {
        let day = LocalDay(date, in: zone)
        return isHoliday(year: day.year, month: day.month, day: day.day)
    }

    func isHoliday(year: Int, month: Int, day: Int) -> Bool {
        holidays.contains { holiday in
            switch holiday {
            case .fixed(let m, let d): m == month && d == day
            case .easterSunday:
                (month == 3 || month == 4) && BusinessSchedule.easterSunday(year: year) == (month, day)
            }
        }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).
    public static func easterSunday(year: Int) -> (month: Int, day: Int) {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }

    /// The absolute open intervals of one local day (empty on holidays), wall-clock times made absolute in
    /// the schedule's zone, so a DST day is 23 or 25 hours long.
    private func openIntervals(on day: LocalDay, zone: TimeZone) -> [(Date, Date)] {
        let index = day.weekday
        guard index < week.count, !week[index].isEmpty else { return [] }
        if isHoliday(year: day.year, month: day.month, day: day.day) { return [] }
        func at(_ minute: Int) -> Date {
            if minute >= 1440 { return day.next.at(minute: 0, in: zone) }
            return day.at(minute: max(0, minute), in: zone)
        }
        return week[index].compactMap { interval in
            let open = at(interval.startMinute)
            let close = at(interval.endMinute)
            return open < close ? (open, close) : nil
        }
        .sorted { $0.0 < $1.0 }
    }
}

/// A local calendar date, with plain Gregorian arithmetic: `Calendar` calls are the costly part of a
/// deadline, and this runs for thousands of tickets per reload.
struct LocalDay: Equatable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The local date at `date` in `zone`.
    init(_ date: Date, in zone: TimeZone) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        self = LocalDay(daysSinceEpoch: CivilDate.split(secondsSinceEpoch: local).days)
    }

    init(daysSinceEpoch: Int) {
        let civil = CivilDate(daysSinceEpoch: daysSinceEpoch)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int { CivilDate(year: year, month: month, day: day).daysSinceEpoch }

    /// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
    var weekday: Int { ((daysSinceEpoch % 7) + 7 + 4) % 7 }

    var next: LocalDay { LocalDay(daysSinceEpoch: daysSinceEpoch + 1) }

    /// The instant this day's wall clock in `zone` shows `minute` minutes after midnight. A wall time skipped
    /// by a DST change resolves to just after the change; a repeated one to its first occurrence.
    func at(minute: Int, in zone: TimeZone) -> Date {
        let naive = Double(daysSinceEpoch * 86_400 + minute * 60)
        func offset(_ t: Double) -> Double { Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) }
        let first = naive - offset(naive)
        let firstOffset = offset(first)
        if naive - firstOffset == first { return Date(timeIntervalSince1970: first) }
        let second = naive - firstOffset
        if offset(second) == firstOffset { return Date(timeIntervalSince1970: second) }
        return Date(timeIntervalSince1970: max(first, second))
    }
}
