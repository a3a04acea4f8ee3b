import Foundation

extension BusinessSchedule {
    /// The schedule's time zone (UTC when the identifier is unknown; `OnCallConfig.problems()` reports those).
    public var zone: TimeZone {
        TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// `start` plus `minutes` of open time (see `adding(seconds:to:)`).
    public func adding(minutes: Int, to start: Date) -> Date {
        adding(seconds: Double(minutes) * 60, to: start)
    }

    /// `start` plus `seconds` of open time. Starting while closed counts from the next opening. A target used
    /// up exactly at a closing time ends at the next opening, as zendesk/biz 1.8.2 has it ("Treat endpoints
    /// consistently", #139): no business time has passed beyond the target until the clock reopens. Walks open
    /// intervals day by day, never minute by minute. A schedule that never opens (within two years), or a
    /// target it cannot reach within `maximumDays`, gives `Date.distantFuture`: however large the target, the
    /// walk is bounded and the arithmetic (in Double) cannot overflow.
    public func adding(seconds: Double, to start: Date) -> Date {
        if seconds <= 0 { return start }
        if alwaysOpen { return start.addingTimeInterval(min(seconds, Self.maximumSeconds)) }
        let zone = zone
        var remaining = seconds
        var usedUp = false
        var day = LocalDay(start, in: zone)
        var closedDays = 0
        var walked = 0
        while closedDays < 800 && walked < Self.maximumDays {
            walked += 1
            let intervals = openIntervals(on: day, zone: zone)
            if intervals.isEmpty { closedDays += 1 } else { closedDays = 0 }
            for (open, close) in intervals where close > start {
                let from = max(open, start)
                if usedUp { return from }
                let available = close.timeIntervalSince(from)
                if remaining < available { return from.addingTimeInterval(remaining) }
                remaining -= available
                // Used up exactly at this closing: the answer is the next opening (this same instant when the
                // next interval starts where this one ends, as at midnight).
                if remaining == 0 { usedUp = true }
            }
            day = day.next
        }
        return .distantFuture
    }

    /// How far a deadline may lie: ten years of days walked (the config allows targets of up to a year of
    /// open time, which on a 12x5 clock is about three years).
    static let maximumDays = 3_660
    static let maximumSeconds = Double(maximumDays) * 86_400

    /// `start` plus `days` business days, as zendesk/biz counts them: the same local wall time on the
    /// `days`-th following date that has open hours (holidays and closed days are skipped), or the next opening
    /// after that moment when the clock is closed then.
    public func adding(businessDays days: Int, to start: Date) -> Date {
        if days <= 0 { return nextOpening(atOrAfter: start) }
        let zone = zone
        let local = Int(start.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: start)
        let secondOfDay = CivilDate.split(secondsSinceEpoch: local).secondOfDay
        let fraction = start.timeIntervalSince1970 - start.timeIntervalSince1970.rounded(.down)
        var day = LocalDay(start, in: zone)
        var counted = 0
        var steps = 0
        while counted < days {
            day = day.next
            steps += 1
            if steps > 800 + min(days, Self.maximumDays) * 7 { return .distantFuture }
            if alwaysOpen || !openIntervals(on: day, zone: zone).isEmpty { counted += 1 }
        }
        let target = day.at(second: secondOfDay, in: zone).addingTimeInterval(fraction)
        return nextOpening(atOrAfter: target)
    }

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
        let date = CivilDate(year: year, month: month, day: day)
        return holidays.contains { $0.contains(date) }
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
        let hours: [OpenInterval]
        if !dates.isEmpty, let oneOff = dates[day.daysSinceEpoch] {
            hours = oneOff
        } else {
            let index = day.weekday
            guard index < week.count else { return [] }
            hours = week[index]
        }
        guard !hours.isEmpty else { return [] }
        if !holidays.isEmpty && isHoliday(year: day.year, month: day.month, day: day.day) { return [] }
        func at(_ minute: Int) -> Date {
            if minute >= 1440 { return day.next.at(minute: 0, in: zone) }
            return day.at(minute: max(0, minute), in: zone)
        }
        return hours.compactMap { interval in
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

    /// The instant this day's wall clock in `zone` shows `minute` minutes after midnight. As zendesk/biz's
    /// `Time#on_date`: a wall time skipped by a DST change is read with the offset before the change (02:30
    /// on a spring-forward day is 03:30), a repeated one is its first (DST) occurrence.
    func at(minute: Int, in zone: TimeZone) -> Date { at(second: minute * 60, in: zone) }

    /// As `at(minute:in:)`, to the second.
    func at(second: Int, in zone: TimeZone) -> Date {
        let naive = Double(daysSinceEpoch * 86_400 + second)
        func offset(_ t: Double) -> Double { Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) }
        // A zone changes its offset at most once within a day either side of a wall time.
        let before = offset(naive - 86_400)
        let after = offset(naive + 86_400)
        let early = naive - before
        if before == after || offset(early) == before {
            let late = naive - after
            if before != after, offset(late) == after { return Date(timeIntervalSince1970: min(early, late)) }
            return Date(timeIntervalSince1970: early)
        }
        let late = naive - after
        if offset(late) == after { return Date(timeIntervalSince1970: late) }
        return Date(timeIntervalSince1970: early)
    }
}
