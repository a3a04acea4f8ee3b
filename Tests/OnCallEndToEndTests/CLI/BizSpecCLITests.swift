import Foundation
import Testing

/// Cases taken from zendesk/biz's own specs (the Ruby gem Zendesk's SLA clock is built on), run through the
/// real `oncall` binary: the spec's schedule goes into a config file as `[schedules.biz]`, the Priority
/// Support normal target becomes the spec's duration on it, `ticket add --created` is the spec's start time,
/// and `status --json` must show biz's answer as `breach_at`. Where a spec lists periods rather than a
/// calculated time, the deadline is a point inside the listed periods (named "periods" below). biz 1.8.2
/// (#139) answers a duration used up exactly at a closing time with the next opening; cases written before
/// #139 that land on a closing time are left out.
@Suite(.serialized, .needsOncallBinary)
struct BizSpecCLITests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// spec file @ commit, and the example.
        var source: String
        var schedule: String
        /// The target table's amount key and value: `seconds = 90`, `minutes = 180`, `days = 2`.
        var target: String
        var start: String
        var expected: String
        var testDescription: String { source }
    }

    /// spec/support/time.rb's default schedule (used by for_duration_spec and the periods specs).
    static let standard = """
        time_zone = "UTC"
        mon = ["09:00-17:00"]
        tue = ["10:00-16:00"]
        wed = ["09:00-17:00"]
        thu = ["10:00-16:00"]
        fri = ["09:00-17:00"]
        sat = ["11:00-14:30"]
        """

    /// spec/schedule_spec.rb @318930d: the same hours, holidays 2006-01-01 and 2006-12-25, and breaks on
    /// 2 and 3 January 2006 written as one-off date hours.
    static let withBreaks =
        standard + """

            holidays = ["2006-01-01", "2006-12-25"]
            [schedules.biz.dates]
            "2006-01-02" = ["09:00-10:00", "11:30-17:00"]
            "2006-01-03" = ["10:00-14:15", "14:30-15:40", "15:50-16:00"]
            """

    /// spec/timeline/forward_spec.rb's periods: every January from 2006 (all day, every day).
    static let januaries = """
        time_zone = "UTC"
        holidays = ["02-01..12-31"]
        sun = ["00:00-24:00"]
        mon = ["00:00-24:00"]
        tue = ["00:00-24:00"]
        wed = ["00:00-24:00"]
        thu = ["00:00-24:00"]
        fri = ["00:00-24:00"]
        sat = ["00:00-24:00"]
        """

    static let holidays16And18 = standard + "\nholidays = [\"2006-01-16\", \"2006-01-18\"]"

    static let cases: [Case] = [
        // spec/calculation/for_duration_spec.rb @dcf55bc (v1.8.2), schedule from spec/support/time.rb.
        Case(
            source: "for_duration_spec @dcf55bc .seconds #after: 90 s", schedule: standard,
            target: "seconds = 90",
            start: "2006-01-04T15:58:30Z", expected: "2006-01-04T16:00:00Z"),
        Case(
            source: "for_duration_spec @dcf55bc .minutes #after: 90 min", schedule: standard,
            target: "minutes = 90", start: "2006-01-04T14:30:00Z", expected: "2006-01-04T16:00:00Z"),
        Case(
            source: "for_duration_spec @dcf55bc .hours #after: 3 h", schedule: standard,
            target: "minutes = 180",
            start: "2006-01-04T13:00:00Z", expected: "2006-01-04T16:00:00Z"),
        Case(
            source: "for_duration_spec @dcf55bc .days #after: within a period", schedule: standard,
            target: "days = 2", start: "2006-01-06T12:00:00Z", expected: "2006-01-09T12:00:00Z"),
        Case(
            source: "for_duration_spec @dcf55bc .days #after: before the first day period",
            schedule: standard,
            target: "days = 2", start: "2006-01-03T08:00:00Z", expected: "2006-01-05T10:00:00Z"),
        Case(
            source: "for_duration_spec @dcf55bc .days #after: after the last day period",
            schedule: standard,
            target: "days = 2", start: "2006-01-03T18:00:00Z", expected: "2006-01-06T09:00:00Z"),
        Case(
            source: "for_duration_spec @dcf55bc .days #after: second precision", schedule: standard,
            target: "days = 2", start: "2006-01-06T12:30:52Z", expected: "2006-01-09T12:30:52Z"),
        // spec/calculation/for_duration_spec.rb @0fb58f6 (an earlier layout of the same spec).
        Case(
            source: "for_duration_spec @0fb58f6 #after: 19 h", schedule: standard,
            target: "minutes = 1140",
            start: "2006-01-02T11:00:00Z", expected: "2006-01-04T16:00:00Z"),
        // spec/timeline/after_spec.rb @0f65ae2 #for: periods Mon 9-17, Tue 10-16, Wed 9-17 (the standard ones).
        Case(
            source: "timeline/after_spec #for: origin with second precision", schedule: standard,
            target: "minutes = 120", start: "2006-01-02T09:32:42Z", expected: "2006-01-02T11:32:42Z"),
        Case(
            source: "timeline/after_spec #for: duration with second precision", schedule: standard,
            target: "seconds = 127", start: "2006-01-02T09:30:00Z", expected: "2006-01-02T09:32:07Z"),
        Case(
            source: "timeline/after_spec #for: in a period, contained in it", schedule: standard,
            target: "minutes = 120", start: "2006-01-02T12:00:00Z", expected: "2006-01-02T14:00:00Z"),
        Case(
            source: "timeline/after_spec #for: in a period, extends beyond it", schedule: standard,
            target: "minutes = 480", start: "2006-01-02T12:00:00Z", expected: "2006-01-03T13:00:00Z"),
        Case(
            source: "timeline/after_spec #for: not in a period, shorter than the next",
            schedule: standard,
            target: "minutes = 120", start: "2006-01-02T08:00:00Z", expected: "2006-01-02T11:00:00Z"),
        Case(
            source: "timeline/after_spec #for: not in a period, longer than the next", schedule: standard,
            target: "minutes = 540", start: "2006-01-02T08:00:00Z", expected: "2006-01-03T11:00:00Z"),
        // spec/schedule_spec.rb @318930d.
        Case(
            source: "schedule_spec @318930d #time: 30 minutes after", schedule: withBreaks,
            target: "minutes = 30", start: "2006-01-02T09:00:00Z", expected: "2006-01-02T09:30:00Z"),
        Case(
            source: "schedule_spec @318930d #within: 7 h from Thursday noon to Friday noon",
            schedule: withBreaks,
            target: "minutes = 420", start: "2006-01-05T12:00:00Z", expected: "2006-01-06T12:00:00Z"),
        Case(
            source: "schedule_spec @318930d breaks: 2 h on 2 January skip the 10:00-11:30 break",
            schedule: withBreaks, target: "minutes = 120", start: "2006-01-02T09:00:00Z",
            expected: "2006-01-02T12:30:00Z"),
        // spec/timeline/forward_spec.rb @f550995 #for: the January periods.
        Case(
            source: "timeline/forward_spec #for: second precision", schedule: januaries,
            target: "seconds = 2",
            start: "2006-01-01T00:00:00Z", expected: "2006-01-01T00:00:02Z"),
        Case(
            source: "timeline/forward_spec #for: contained by the first period", schedule: januaries,
            target: "seconds = 1296000", start: "2006-01-01T00:00:00Z", expected: "2006-01-16T00:00:00Z"),
        Case(
            source: "timeline/forward_spec #for: ends in the middle of a period", schedule: januaries,
            target: "seconds = 3974400", start: "2006-01-01T00:00:00Z", expected: "2007-01-16T00:00:00Z"),
        // spec/periods/after_spec.rb @049cc13 (periods).
        Case(
            source: "periods/after_spec: a period on a holiday is not included",
            schedule: holidays16And18,
            target: "minutes = 240", start: "2006-01-14T00:00:00Z", expected: "2006-01-17T10:30:00Z"),
        Case(
            source: "periods/after_spec: multiple periods on holidays", schedule: holidays16And18,
            target: "minutes = 630", start: "2006-01-14T00:00:00Z", expected: "2006-01-19T11:00:00Z"),
        Case(
            source: "periods/after_spec: one week of periods", schedule: standard,
            target: "minutes = 2220",
            start: "2006-01-01T00:00:00Z", expected: "2006-01-07T12:00:00Z"),
        Case(
            source: "periods/after_spec: origin near the beginning of the week (Pacific)",
            schedule: "time_zone = \"America/Los_Angeles\"\nsat = [\"06:00-18:00\"]",
            target: "minutes = 30",
            start: "2006-01-08T01:00:00Z", expected: "2006-01-08T01:30:00Z"),
        // The interval 02:30-03:15 on the spring-forward Sunday starts at 03:30 PDT, after it ends: empty.
        Case(
            source: "periods/after_spec: an empty interval (DST starts) is filtered out",
            schedule:
                "time_zone = \"America/Los_Angeles\"\nsun = [\"02:30-03:15\"]\nmon = [\"09:00-17:00\"]",
            target: "minutes = 60", start: "2006-04-02T08:00:00Z", expected: "2006-04-03T17:00:00Z"),
        // spec/time_spec.rb @318930d #on_date: a skipped wall time is an hour later; a repeated one is the
        // DST (first) occurrence.
        Case(
            source: "time_spec #on_date: non-existent (spring-forward) 02:30 is 03:30",
            schedule: "time_zone = \"America/Los_Angeles\"\nsun = [\"02:30-05:00\"]",
            target: "minutes = 15",
            start: "2014-03-09T08:00:00Z", expected: "2014-03-09T10:45:00Z"),
        Case(
            source: "time_spec #on_date: ambiguous 01:30 is the DST occurrence",
            schedule: "time_zone = \"America/Los_Angeles\"\nsun = [\"01:30-05:00\"]",
            target: "minutes = 15",
            start: "2014-11-02T07:00:00Z", expected: "2014-11-02T08:45:00Z"),
    ]

    @Test(arguments: cases)
    func deadlineMatchesBiz(_ c: Case) throws {
        let shift = try ShiftFixture()
        let config = shift.directory.appendingPathComponent("biz.toml")
        let toml = """
            [policies.priority]
            normal = { \(c.target), schedule = "biz" }

            [schedules.biz]
            \(c.schedule)
            """
        try toml.write(to: config, atomically: true, encoding: .utf8)
        let add = try shift.run([
            "--config", config.path, "ticket", "add", "--id", "4242", "--subject", "biz", "--priority",
            "normal",
            "--created", c.start, "--org", "Acme", "--plan", "priority",
        ])
        #expect(add.succeeded, "ticket add: \(add)")
        let status = try shift.run(["--config", config.path, "status", "--json"])
        #expect(status.succeeded, "status: \(status)")
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let frt = objects(object?["frt"])
        #expect(frt.count == 1)
        #expect(frt.first?["breach_at"] as? String == c.expected, "\(c.source)")
    }
}
