import Foundation

extension BusinessSchedule {
    /// The Gregorian calendar in the schedule's time zone (UTC when the identifier is unknown;
    /// `OnCallConfig.problems()` reports unknown identifiers).
    public var localCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    /// `start` plus `minutes` of open time. Starting while closed counts from the next opening; a deadline
    /// landing exactly on a closing time is that closing time. Walks open intervals day by day, never minute
    /// by minute. A schedule that never opens (within two years) gives `Date.distantFuture`.
    public func adding(minutes: Int, to start: Date) -> Date {
        if minutes <= 0 { return start }
        if alwaysOpen { return start.addingTimeInterval(Double(minutes) * 60) }
        let calendar = localCalendar
        var remaining = Double(minutes) * 60
        var day = calendar.startOfDay(for: start)
        var closedDays = 0
        while closedDays < 800 {
            let intervals = openIntervals(onDayStarting: day, calendar: calendar)
            if intervals.isEmpty { closedDays += 1 } else { closedDays = 0 }
            for (open, close) in intervals where close > start {
                let from = max(open, start)
                let available = close.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            day = nextDay(after: day, calendar: calendar)
        }
        return .distantFuture
    }

    /// Whether the clock runs at `date`: inside an open interval of a day that is not a holiday.
    public func isOpen(at date: Date) -> Bool {
        if alwaysOpen { return true }
        let calendar = localCalendar
        let day = calendar.startOfDay(for: date)
        return openIntervals(onDayStarting: day, calendar: calendar).contains { $0.0 <= date && date < $0.1 }
    }

    /// The first moment at or after `date` when the clock runs (`date` itself when open).
    public func nextOpening(atOrAfter date: Date) -> Date {
        if alwaysOpen { return date }
        let calendar = localCalendar
        var day = calendar.startOfDay(for: date)
        for _ in 0..<800 {
            for (open, close) in openIntervals(onDayStarting: day, calendar: calendar) where close > date {
                return max(open, date)
            }
            day = nextDay(after: day, calendar: calendar)
        }
        return .distantFuture
    }

    /// Whether the local day containing `day` is one of the holidays.
    public func isHoliday(_ date: Date) -> Bool {
        let parts = localCalendar.dateComponents([.year, .month, .day], from: date)
        return isHoliday(year: parts.year!, month: parts.month!, day: parts.day!)
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
    private func openIntervals(onDayStarting day: Date, calendar: Calendar) -> [(Date, Date)] {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
        guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day, let weekday = parts.weekday
        else { return [] }
        let index = weekday - 1
        guard index >= 0, index < week.count, !week[index].isEmpty else { return [] }
        if isHoliday(year: year, month: month, day: dayOfMonth) { return [] }
        func at(_ minute: Int) -> Date {
            if minute >= 1440 { return nextDay(after: day, calendar: calendar) }
            if minute <= 0 { return day }
            let wall = DateComponents(year: year, month: month, day: dayOfMonth, hour: minute / 60, minute: minute % 60)
            return calendar.date(from: wall) ?? day.addingTimeInterval(Double(minute) * 60)
        }
        return week[index].compactMap { interval in
            let open = at(interval.startMinute)
            let close = at(interval.endMinute)
            return open < close ? (open, close) : nil
        }
        .sorted { $0.0 < $1.0 }
    }

    /// Local midnight of the following day (robust across DST changes).
    private func nextDay(after day: Date, calendar: Calendar) -> Date {
        let noon = calendar.date(byAdding: .hour, value: 36, to: day) ?? day.addingTimeInterval(36 * 3600)
        return calendar.startOfDay(for: noon)
    }
}
