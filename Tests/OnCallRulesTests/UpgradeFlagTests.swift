import Foundation
import Testing

@testable import OnCallRules

@Suite("Upgrade assistance flags")
struct UpgradeFlagTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var upgrade: UpgradeRequest
        var now: String
        var flags: [UpgradeFlag]
        var testDescription: String { name }
    }

    /// Requested Monday 2 Feb 2026 18:00Z; scheduled Tuesday 10 Feb 18:00Z (10:00 PST) unless said otherwise.
    static func upgrade(
        scheduled: String = "2026-02-10T18:00:00Z", requested: String = "2026-02-02T18:00:00Z", complex: Bool = false,
        engineer: String? = "ed", previous: String? = nil, changed: String? = nil, done: Bool = false
    ) -> UpgradeRequest {
        UpgradeRequest(
            id: 77, customer: "Acme", scheduledAt: utc(scheduled), requestedAt: utc(requested), complex: complex,
            engineer: engineer, engineerChangedAt: changed.map(utc), previousEngineer: previous, done: done)
    }

    static let cases: [Case] = [
        Case(name: "nothing to flag", upgrade: upgrade(), now: "2026-02-03T18:00:00Z", flags: []),
        Case(
            name: "exactly 7 days notice is enough", upgrade: upgrade(scheduled: "2026-02-09T18:00:00Z"),
            now: "2026-02-03T18:00:00Z", flags: []),
        Case(
            name: "a minute short of 7 days", upgrade: upgrade(scheduled: "2026-02-09T17:59:00Z"),
            now: "2026-02-03T18:00:00Z", flags: [.shortNotice]),
        Case(
            name: "complex needs 14 days", upgrade: upgrade(complex: true), now: "2026-02-03T18:00:00Z",
            flags: [.shortNotice]),
        Case(
            name: "complex with exactly 14 days", upgrade: upgrade(scheduled: "2026-02-16T18:00:00Z", complex: true),
            now: "2026-02-03T18:00:00Z", flags: []),
        // Friday 13 Feb 17:00 PST = 14 Feb 01:00Z: the business clock has just stopped.
        Case(
            name: "Friday 17:00 Pacific is outside hours", upgrade: upgrade(scheduled: "2026-02-14T01:00:00Z"),
            now: "2026-02-03T18:00:00Z", flags: [.outsideHours]),
        Case(
            name: "Friday 16:59 Pacific is inside hours", upgrade: upgrade(scheduled: "2026-02-14T00:59:00Z"),
            now: "2026-02-03T18:00:00Z", flags: []),
        Case(
            name: "Saturday is outside hours", upgrade: upgrade(scheduled: "2026-02-14T18:00:00Z"),
            now: "2026-02-03T18:00:00Z", flags: [.outsideHours]),
        Case(
            name: "unassigned 24 h after the request", upgrade: upgrade(engineer: nil),
            now: "2026-02-03T18:00:00Z", flags: [.unassigned]),
        Case(
            name: "unassigned for just under 24 h", upgrade: upgrade(engineer: nil),
            now: "2026-02-03T17:59:00Z", flags: []),
        Case(
            name: "engineer changed 24 h before", upgrade: upgrade(previous: "ann", changed: "2026-02-09T18:00:00Z"),
            now: "2026-02-09T18:00:00Z", flags: [.assigneeChanged]),
        Case(
            name: "engineer changed 25 h before", upgrade: upgrade(previous: "ann", changed: "2026-02-09T17:00:00Z"),
            now: "2026-02-09T18:00:00Z", flags: []),
        Case(
            name: "first assignment is not a change", upgrade: upgrade(changed: "2026-02-10T10:00:00Z"),
            now: "2026-02-10T10:00:00Z", flags: []),
        Case(
            name: "several at once",
            upgrade: upgrade(scheduled: "2026-02-07T18:00:00Z", engineer: nil),
            now: "2026-02-04T18:00:00Z", flags: [.outsideHours, .shortNotice, .unassigned]),
        Case(
            name: "done has no flags", upgrade: upgrade(scheduled: "2026-02-07T18:00:00Z", engineer: nil, done: true),
            now: "2026-02-04T18:00:00Z", flags: []),
    ]

    @Test(arguments: cases)
    func flags(_ c: Case) {
        #expect(c.upgrade.flags(at: utc(c.now), config: gitlab) == c.flags)
    }

    /// A reschedule must meet the minimum notice too: notice counts from the reschedule, not the request.
    @Test func rescheduleCountsNoticeFromTheReschedule() {
        var u = Self.upgrade(scheduled: "2026-02-20T18:00:00Z")
        #expect(u.flags(at: utc("2026-02-03T18:00:00Z"), config: gitlab) == [])
        u.rescheduledAt = utc("2026-02-16T18:00:00Z")
        #expect(u.flags(at: utc("2026-02-16T18:00:00Z"), config: gitlab) == [.shortNotice])
        u.rescheduledAt = utc("2026-02-13T18:00:00Z")
        #expect(u.flags(at: utc("2026-02-13T18:00:00Z"), config: gitlab) == [])
    }

    @Test func thresholdsComeFromConfig() {
        var config = gitlab
        config.upgrades.noticeDaysSimple = 3
        let u = Self.upgrade(scheduled: "2026-02-06T18:00:00Z")
        #expect(u.flags(at: utc("2026-02-03T18:00:00Z"), config: config) == [])
        #expect(u.flags(at: utc("2026-02-03T18:00:00Z"), config: gitlab) == [.shortNotice])
    }
}
