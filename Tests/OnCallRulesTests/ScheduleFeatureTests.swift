import Foundation
import Testing

@testable import OnCallRules

/// Issue 15: closing times give the next opening, targets in seconds and business days, holidays on dates,
/// ranges and Easter offsets, one-off date hours, regional schedules.
@Suite("Schedules as Zendesk and zendesk/biz have them")
struct ScheduleFeatureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var schedule: BusinessSchedule
        var target: SLATarget
        var start: String
        var expected: String
        var testDescription: String { name }
    }

    static func withHolidays(_ holidays: [Holiday]) -> BusinessSchedule {
        var schedule = business
        schedule.holidays = holidays
        return schedule
    }

    static let newYearsEveHalfDay: BusinessSchedule = {
        var schedule = business
        // Thursday 31 December 2026: open 00:00-12:00 only.
        schedule.dates[CivilDate(year: 2026, month: 12, day: 31).daysSinceEpoch] = [
            OpenInterval(startMinute: 0, endMinute: 720)
        ]
        return schedule
    }()

    static let lunchBreak = BusinessSchedule(
        timeZone: "Europe/Amsterdam",
        week: [[]]
            + Array(
                repeating: [
                    OpenInterval(startMinute: 540, endMinute: 720),
                    OpenInterval(startMinute: 780, endMinute: 1020),
                ], count: 5) + [[]])

    static let cases: [Case] = [
        // Item 1: used up exactly at a closing time -> the next opening (zendesk/biz 1.8.2).
        Case(
            name: "4 h from Friday 13:00 PST is Sunday 15:00 PST", schedule: business,
            target: SLATarget(minutes: 240, schedule: "business"), start: "2026-02-06T21:00:00Z",
            expected: "2026-02-08T23:00:00Z"),
        Case(
            name: "a minute short of the close stays on Friday", schedule: business,
            target: SLATarget(minutes: 239, schedule: "business"), start: "2026-02-06T21:00:00Z",
            expected: "2026-02-07T00:59:00Z"),
        Case(
            name: "a second past the close is Sunday 15:00:01", schedule: business,
            target: SLATarget(seconds: 4 * 3600 + 1, schedule: "business"), start: "2026-02-06T21:00:00Z",
            expected: "2026-02-08T23:00:01Z"),
        // DST starts (8 March 2026): Friday 6 March 13:00 PST + 4 h -> Sunday 15:00 PDT.
        Case(
            name: "closing-time rule across spring forward", schedule: business,
            target: SLATarget(minutes: 240, schedule: "business"), start: "2026-03-06T21:00:00Z",
            expected: "2026-03-08T22:00:00Z"),
        // DST ends (1 November 2026): Friday 30 October 13:00 PDT + 4 h -> Sunday 15:00 PST.
        Case(
            name: "closing-time rule across fall back", schedule: business,
            target: SLATarget(minutes: 240, schedule: "business"), start: "2026-10-30T20:00:00Z",
            expected: "2026-11-01T23:00:00Z"),
        // At midnight between two open days the next opening is the same instant.
        Case(
            name: "used up at midnight Monday/Tuesday is midnight", schedule: business,
            target: SLATarget(minutes: 60, schedule: "business"), start: "2026-02-10T07:00:00Z",
            expected: "2026-02-10T08:00:00Z"),
        // A break: used up at 12:00 -> 13:00.
        Case(
            name: "used up at the start of a lunch break resumes after it", schedule: lunchBreak,
            target: SLATarget(minutes: 60, schedule: "x"), start: "2026-02-09T10:00:00Z",
            expected: "2026-02-09T12:00:00Z"),
        // Item 7: seconds and business days.
        Case(
            name: "seconds", schedule: business, target: SLATarget(seconds: 90, schedule: "business"),
            start: "2026-02-09T17:00:00Z", expected: "2026-02-09T17:01:30Z"),
        Case(
            name: "one business day from Thursday 10:00 is Friday 10:00", schedule: business,
            target: SLATarget(days: 1, schedule: "business"), start: "2026-02-12T18:00:00Z",
            expected: "2026-02-13T18:00:00Z"),
        // Friday 10:00 PST + 1 business day: Saturday is closed, Sunday is open (from 15:00): Sunday 10:00 is
        // before the opening, so Sunday 15:00.
        Case(
            name: "one business day from Friday is Sunday's opening", schedule: business,
            target: SLATarget(days: 1, schedule: "business"), start: "2026-02-13T18:00:00Z",
            expected: "2026-02-15T23:00:00Z"),
        Case(
            name: "business days skip a holiday",
            schedule: withHolidays([.date(year: 2026, month: 2, day: 10)]),
            target: SLATarget(days: 1, schedule: "business"), start: "2026-02-09T18:00:00Z",
            expected: "2026-02-11T18:00:00Z"),
        Case(
            name: "business days keep the wall time across spring forward", schedule: business,
            target: SLATarget(days: 3, schedule: "business"), start: "2026-03-05T18:00:00Z",
            expected: "2026-03-09T17:00:00Z"),
        // Item 4: holidays on a date, ranges, Easter offsets.
        Case(
            name: "a one-off date holiday",
            schedule: withHolidays([.date(year: 2026, month: 2, day: 10)]),
            target: SLATarget(minutes: 60, schedule: "business"), start: "2026-02-10T07:30:00Z",
            expected: "2026-02-11T08:30:00Z"),
        Case(
            name: "the one-off date holiday is not every year",
            schedule: withHolidays([.date(year: 2025, month: 2, day: 10)]),
            target: SLATarget(minutes: 60, schedule: "business"), start: "2026-02-10T07:30:00Z",
            expected: "2026-02-10T08:30:00Z"),
        // Wed 23 Dec 2026 23:00 PST + 2 h: 1 h, then 24-26 Dec closed, Sunday 27 Dec 15:00 + 1 h.
        Case(
            name: "an annual range 12-24..12-26",
            schedule: withHolidays([.annualRange(fromMonth: 12, fromDay: 24, toMonth: 12, toDay: 26)]),
            target: SLATarget(minutes: 120, schedule: "business"), start: "2026-12-24T07:00:00Z",
            expected: "2026-12-28T00:00:00Z"),
        Case(
            name: "a range across the new year 12-31..01-01",
            schedule: withHolidays([.annualRange(fromMonth: 12, fromDay: 31, toMonth: 1, toDay: 1)]),
            target: SLATarget(minutes: 60, schedule: "business"), start: "2026-12-31T07:30:00Z",
            expected: "2027-01-03T23:30:00Z"),
        // Easter 2026 is 5 April; Easter Monday closed: Sunday is closed too (Easter), so Tuesday 00:00.
        Case(
            name: "easter+1 closes Easter Monday",
            schedule: withHolidays([.easterSunday, .easter(offset: 1)]),
            target: SLATarget(minutes: 60, schedule: "business"), start: "2026-04-06T07:30:00Z",
            expected: "2026-04-07T08:00:00Z"),
        // Good Friday 3 April 2026 closed: Thursday 23:30 PDT + 1 h -> 30 min, then Sunday 15:00 + 30 min.
        Case(
            name: "easter-2 closes Good Friday", schedule: withHolidays([.easter(offset: -2)]),
            target: SLATarget(minutes: 60, schedule: "business"), start: "2026-04-03T06:30:00Z",
            expected: "2026-04-05T22:30:00Z"),
        // One-off hours on 31 December 2026 (Thursday): 00:00-12:00 PST only.
        Case(
            name: "one-off date hours end the day at noon", schedule: newYearsEveHalfDay,
            target: SLATarget(minutes: 120, schedule: "business"), start: "2026-12-31T19:00:00Z",
            expected: "2027-01-04T00:00:00Z"),
        // Regional schedules (DOMAIN.md §2): EMEA Mon-Fri 08:00-18:00 Amsterdam, used up at 18:00 -> Monday 08:00.
        Case(
            name: "EMEA hours: Friday 14:00 + 4 h is Monday 08:00 Amsterdam",
            schedule: OnCallConfig.gitlabRegionalHours["emea"]!,
            target: SLATarget(minutes: 240, schedule: "emea"),
            start: "2026-02-13T13:00:00Z", expected: "2026-02-16T07:00:00Z"),
        Case(
            name: "APAC hours: Brisbane has no DST", schedule: OnCallConfig.gitlabRegionalHours["apac"]!,
            target: SLATarget(minutes: 60, schedule: "apac"), start: "2026-04-06T22:30:00Z",
            expected: "2026-04-07T00:00:00Z"),
        Case(
            name: "AMER hours: before 05:00 Pacific counts from 05:00",
            schedule: OnCallConfig.gitlabRegionalHours["amer"]!,
            target: SLATarget(minutes: 30, schedule: "amer"), start: "2026-02-09T12:00:00Z",
            expected: "2026-02-09T13:30:00Z"),
    ]

    @Test(arguments: cases)
    func deadline(_ c: Case) {
        #expect(c.target.deadline(from: utc(c.start), on: c.schedule) == utc(c.expected))
    }

    @Test(arguments: [
        (Holiday.fixed(month: 12, day: 25), CivilDate(year: 2030, month: 12, day: 25), true),
        (
            Holiday.date(year: 2026, month: 12, day: 24), CivilDate(year: 2027, month: 12, day: 24), false
        ),
        (
            Holiday.annualRange(fromMonth: 12, fromDay: 24, toMonth: 12, toDay: 26),
            CivilDate(year: 2026, month: 12, day: 26), true
        ),
        (
            Holiday.annualRange(fromMonth: 12, fromDay: 24, toMonth: 12, toDay: 26),
            CivilDate(year: 2026, month: 12, day: 27), false
        ),
        (
            Holiday.annualRange(fromMonth: 12, fromDay: 30, toMonth: 1, toDay: 2),
            CivilDate(year: 2027, month: 1, day: 2), true
        ),
        (
            Holiday.dateRange(
                from: CivilDate(year: 2026, month: 12, day: 24), to: CivilDate(year: 2027, month: 1, day: 1)
            ), CivilDate(year: 2026, month: 12, day: 31), true
        ),
        (Holiday.easter(offset: 1), CivilDate(year: 2027, month: 3, day: 29), true),
        (Holiday.easter(offset: -2), CivilDate(year: 2025, month: 4, day: 18), true),
        (Holiday.easter(offset: 0), CivilDate(year: 2025, month: 4, day: 21), false),
    ])
    func holidayContains(_ holiday: Holiday, _ date: CivilDate, _ expected: Bool) {
        #expect(holiday.contains(date) == expected)
    }

    @Test func regionSchedulesReplaceTheTargetsScheduleForThatRegion() {
        var config = gitlab
        config.policies["priority"]?.regionSchedules = [.emea: "emea"]
        // Friday 13 February 2026 14:00 Amsterdam, high (4 h): EMEA hours end at 18:00 -> Monday 08:00 CET.
        var ticket = Ticket(
            id: 1, subject: "s", organization: "Acme", plan: .priority, priority: .high,
            createdAt: utc("2026-02-13T13:00:00Z"), region: .emea)
        #expect(config.computedDeadline(for: ticket) == utc("2026-02-16T07:00:00Z"))
        // AMER is not mapped: the target's own 24x5 schedule (Friday 05:00 PST + 4 h = 09:00 PST).
        ticket.region = .amer
        #expect(config.computedDeadline(for: ticket) == utc("2026-02-13T17:00:00Z"))
    }
}
