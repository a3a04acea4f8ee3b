import Foundation
import Testing

@testable import OnCallRules

@Suite("Business-hours clock")
struct BusinessClockTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var schedule: BusinessSchedule
        var start: String
        var minutes: Int
        var expected: String
        var testDescription: String { name }
    }

    static let everyDayPacific = BusinessSchedule(
        timeZone: "America/Los_Angeles",
        week: Array(repeating: [OpenInterval(startMinute: 0, endMinute: 1440)], count: 7))

    static let cases: [Case] = [
        // Mon 10:00 PST + 4 h inside business hours.
        Case(
            name: "weekday inside hours", schedule: business, start: "2026-03-02T18:00:00Z", minutes: 240,
            expected: "2026-03-02T22:00:00Z"),
        // Fri 13:00 PST + 4 h is used up exactly at Friday 17:00: the deadline is the next opening, Sunday 15:00
        // (zendesk/biz 1.8.2, DOMAIN.md §0).
        Case(
            name: "used up exactly at Friday close: next opening", schedule: business, start: "2026-02-06T21:00:00Z",
            minutes: 240, expected: "2026-02-08T23:00:00Z"),
        // Fri 15:00 PST: 2 h on Friday, 2 h from Sunday 15:00.
        Case(
            name: "across the weekend", schedule: business, start: "2026-02-06T23:00:00Z", minutes: 240,
            expected: "2026-02-09T01:00:00Z"),
        // Sat 10:00 PST counts from Sunday 15:00 PST: 8 h -> Sunday 23:00 PST.
        Case(
            name: "created Saturday counts from Sunday 15:00", schedule: business, start: "2026-02-07T18:00:00Z",
            minutes: 480, expected: "2026-02-09T07:00:00Z"),
        // Exactly at the Sunday 15:00 PST opening.
        Case(
            name: "created at the Sunday opening", schedule: business, start: "2026-02-08T23:00:00Z", minutes: 30,
            expected: "2026-02-08T23:30:00Z"),
        // Sunday 14:59 PST: one closed minute first.
        Case(
            name: "created a minute before the Sunday opening", schedule: business, start: "2026-02-08T22:59:00Z",
            minutes: 30, expected: "2026-02-08T23:30:00Z"),
        // Fri 16:00 PST: 1 h, then Sunday 15:00 PDT (after the March change) + 7 h = 22:00 PDT.
        Case(
            name: "DST starts (March)", schedule: business, start: "2026-03-07T00:00:00Z", minutes: 480,
            expected: "2026-03-09T05:00:00Z"),
        // Fri 16:00 PDT: 1 h, then Sunday 15:00 PST (after the November change) + 7 h = 22:00 PST.
        Case(
            name: "DST ends (November)", schedule: business, start: "2026-10-30T23:00:00Z", minutes: 480,
            expected: "2026-11-02T06:00:00Z"),
        // A wall-clock 24x7 schedule counts real minutes through the 23-hour and 25-hour days.
        Case(
            name: "open all day across spring forward", schedule: everyDayPacific, start: "2026-03-08T09:00:00Z",
            minutes: 180, expected: "2026-03-08T12:00:00Z"),
        Case(
            name: "open all day across fall back", schedule: everyDayPacific, start: "2026-11-01T08:00:00Z",
            minutes: 180, expected: "2026-11-01T11:00:00Z"),
        // Fri 3 April 16:00 PDT: 1 h, Easter Sunday (5 April 2026) closed, Monday 00:00 + 3 h.
        Case(
            name: "Easter Sunday is closed", schedule: business, start: "2026-04-03T23:00:00Z", minutes: 240,
            expected: "2026-04-06T10:00:00Z"),
        // Thu 24 Dec 22:00 PST: 2 h, Christmas (Friday) closed, weekend, Sunday 15:00 + 2 h.
        Case(
            name: "Christmas is closed", schedule: business, start: "2026-12-25T06:00:00Z", minutes: 240,
            expected: "2026-12-28T01:00:00Z"),
        // Thu 31 Dec 23:00 PST: 1 h, New Year (Friday) closed, weekend, Sunday 3 Jan 15:00 + 7 h.
        Case(
            name: "New Year's Day is closed", schedule: business, start: "2027-01-01T07:00:00Z", minutes: 480,
            expected: "2027-01-04T06:00:00Z"),
        // US Federal: Fri 16:00 PST: 1 h to 17:00, Monday 05:00 + 11 h = 16:00 PST.
        Case(
            name: "US Federal low over a weekend", schedule: federal, start: "2026-02-07T00:00:00Z", minutes: 720,
            expected: "2026-02-10T00:00:00Z"),
        // US Federal (05:00-17:00 Pacific, the 2025 page): Monday 04:00 PST counts from 05:00.
        Case(
            name: "US Federal before opening", schedule: federal, start: "2026-02-09T12:00:00Z", minutes: 30,
            expected: "2026-02-09T13:30:00Z"),
        // Calendar clock: every minute counts, Saturday included.
        Case(
            name: "calendar clock", schedule: .calendar, start: "2026-02-07T18:00:00Z", minutes: 30,
            expected: "2026-02-07T18:30:00Z"),
        Case(
            name: "calendar clock ignores holidays", schedule: .calendar, start: "2026-12-25T12:00:00Z", minutes: 60,
            expected: "2026-12-25T13:00:00Z"),
        Case(
            name: "zero minutes", schedule: business, start: "2026-02-07T18:00:00Z", minutes: 0,
            expected: "2026-02-07T18:00:00Z"),
        // Low (24 h) from Monday 09:00 PST spans into Tuesday.
        Case(
            name: "24 business hours", schedule: business, start: "2026-02-09T17:00:00Z", minutes: 1440,
            expected: "2026-02-10T17:00:00Z"),
        // Thursday 09:00 PST + 33 h: 15 h Thursday, 17 h Friday, then Sunday 15:00 + 1 h.
        Case(
            name: "33 business hours over a weekend", schedule: business, start: "2026-02-12T17:00:00Z",
            minutes: 33 * 60, expected: "2026-02-16T00:00:00Z"),
        Case(
            name: "32 business hours used up at Friday close: Sunday opening", schedule: business,
            start: "2026-02-12T17:00:00Z", minutes: 32 * 60, expected: "2026-02-15T23:00:00Z"),
    ]

    @Test(arguments: cases)
    func deadline(_ c: Case) {
        #expect(c.schedule.adding(minutes: c.minutes, to: utc(c.start)) == utc(c.expected))
    }

    @Test(arguments: [
        ("2026-02-07T00:59:00Z", true),  // Friday 16:59 PST
        ("2026-02-07T01:00:00Z", false),  // Friday 17:00 PST: closed
        ("2026-02-07T20:00:00Z", false),  // Saturday
        ("2026-02-08T22:59:00Z", false),  // Sunday 14:59 PST
        ("2026-02-08T23:00:00Z", true),  // Sunday 15:00 PST
        ("2026-03-08T21:59:00Z", false),  // Sunday 14:59 PDT, the day DST starts
        ("2026-03-08T22:00:00Z", true),  // Sunday 15:00 PDT
        ("2026-04-05T23:00:00Z", false),  // Easter Sunday 16:00 PDT
        ("2026-04-06T08:00:00Z", true),  // Easter Monday 01:00 PDT
        ("2026-12-25T20:00:00Z", false),  // Christmas noon PST
        ("2027-01-01T20:00:00Z", false),  // New Year noon PST
        ("2026-12-24T20:00:00Z", true),  // Christmas Eve noon PST
    ])
    func isOpen(_ at: String, _ open: Bool) {
        #expect(business.isOpen(at: utc(at)) == open)
    }

    @Test(arguments: [
        (2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22),
    ])
    func easter(_ year: Int, _ month: Int, _ day: Int) {
        let easter = BusinessSchedule.easterSunday(year: year)
        #expect(easter.month == month && easter.day == day)
    }

    @Test func nextOpeningFromSaturday() {
        #expect(business.nextOpening(atOrAfter: utc("2026-02-07T18:00:00Z")) == utc("2026-02-08T23:00:00Z"))
        #expect(business.nextOpening(atOrAfter: utc("2026-02-09T18:00:00Z")) == utc("2026-02-09T18:00:00Z"))
    }

    @Test func neverOpenGivesDistantFuture() {
        let closed = BusinessSchedule(timeZone: "UTC", week: Array(repeating: [], count: 7))
        #expect(closed.adding(minutes: 1, to: utc("2026-02-09T18:00:00Z")) == .distantFuture)
    }

    @Test func configProblemsNameTheKey() {
        var config = gitlab
        #expect(config.problems().isEmpty)
        config.schedules["business"]?.timeZone = "Mars/Olympus"
        config.policies["standard"]?.targets[.low] = SLATarget(minutes: 60, schedule: "weekends")
        let problems = config.problems()
        #expect(problems.contains("schedules.business.time_zone: unknown time zone 'Mars/Olympus'"))
        #expect(problems.contains("policies.standard.low.schedule: no schedule named 'weekends'"))
    }
}

@Suite("Local day arithmetic")
struct LocalDayTests {
    @Test func matchesTheCalendarForTenYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/Los_Angeles")!
        var day = LocalDay(year: 2024, month: 1, day: 1)
        var date = calendar.date(from: DateComponents(year: 2024, month: 1, day: 1, hour: 12))!
        for _ in 0..<3660 {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            #expect(day == LocalDay(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(day.weekday == parts.weekday! - 1)
            #expect(LocalDay(date, in: calendar.timeZone) == day)
            #expect(day.at(minute: 12 * 60, in: calendar.timeZone) == date)
            day = day.next
            date = calendar.date(byAdding: .day, value: 1, to: date)!
        }
    }
}

extension LocalDayTests {
    static let pacific = TimeZone(identifier: "America/Los_Angeles")!

    @Test(arguments: [
        (2026, 3, 8, 0, "2026-03-08T08:00:00Z"),  // midnight PST
        (2026, 3, 8, 150, "2026-03-08T10:30:00Z"),  // 02:30 does not exist: just after the change, 03:30 PDT
        (2026, 3, 8, 15 * 60, "2026-03-08T22:00:00Z"),  // 15:00 PDT
        (2026, 11, 1, 90, "2026-11-01T08:30:00Z"),  // 01:30 happens twice: the first (PDT)
        (2026, 11, 1, 15 * 60, "2026-11-01T23:00:00Z"),  // 15:00 PST
        (1969, 12, 31, 23 * 60, "1970-01-01T07:00:00Z"),  // before the epoch
    ])
    func wallClock(_ year: Int, _ month: Int, _ day: Int, _ minute: Int, _ expected: String) {
        #expect(LocalDay(year: year, month: month, day: day).at(minute: minute, in: Self.pacific) == utc(expected))
    }

    @Test func localDateBeforeTheEpoch() {
        #expect(LocalDay(utc("1970-01-01T07:00:00Z"), in: Self.pacific) == LocalDay(year: 1969, month: 12, day: 31))
        #expect(LocalDay(year: 1969, month: 12, day: 31).weekday == 3)
    }
}

/// Issue 14 item 1: business-time arithmetic cannot overflow or loop, whatever a config built in code says.
@Suite struct BusinessClockBoundsTests {
    @Test func aHugeTargetEndsTheWalkInsteadOfRunningForMinutes() {
        // 10^12 minutes used to walk day by day for minutes; the walk is now bounded (ten years of days).
        let deadline = business.adding(minutes: 1_000_000_000_000, to: utc("2026-02-09T18:00:00Z"))
        #expect(deadline == .distantFuture)
        #expect(federal.adding(minutes: Int.max, to: utc("2026-02-09T18:00:00Z")) == .distantFuture)
        #expect(federal.adding(businessDays: Int.max, to: utc("2026-02-09T18:00:00Z")) == .distantFuture)
    }

    @Test func aYearOfOpenTimeIsStillReached() {
        let start = utc("2026-02-09T18:00:00Z")
        let deadline = federal.adding(minutes: 525_600, to: start)
        #expect(deadline != .distantFuture && deadline > start.addingTimeInterval(2 * 365 * 86_400))
    }

    @Test func theLargestMinutesNeverTrapInAlertsRiskOrRespondBy() {
        var config = gitlab
        config.escalationMinutes[.urgent] = Int.max
        config.emergency.managerMinutes = Int.max
        config.emergency.seniorMinutes = Int.max
        config.emergency.longRunningMinutes = Int.max
        config.risk.criticalMinutes = Int.max
        config.risk.warningMinutes = Int.max
        config.policies["priority"]?.targets[.urgent] = SLATarget(minutes: Int.max, schedule: "calendar")
        let now = utc("2026-02-09T18:00:00Z")
        let escalation = Escalation(
            id: 1, ticket: 2, title: "t", customer: nil, urgency: .urgent, state: .new, announcedAt: now)
        #expect(config.respondBy(for: escalation) > now)
        let ticket = Ticket(
            id: 3, subject: "s", organization: "Org", plan: .priority, priority: .urgent, status: .new, createdAt: now)
        let emergency = Emergency(id: 4, ticket: 3, title: "e", customer: nil, pagedAt: now.addingTimeInterval(-3600))
        let board = Board(tickets: [ticket], escalations: [escalation], emergencies: [emergency])
        let overview = Overview.make(from: board, config: config)
        #expect(overview.frt.count == 1)
        #expect(overview.frt.first?.risk(at: now, thresholds: config.risk) != nil)
        #expect(MissedPage.of(emergency, at: now, timings: config.emergency) == .none)
        _ = overview.alerts(at: now, config: config)
    }
}
