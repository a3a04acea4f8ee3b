import Foundation
import Testing

/// Issue 15 items 3 and 6 through the real binary: `status --json` says where each FRT deadline came from and
/// flags a local policy config that disagrees with Zendesk; an emergency's PagerDuty service picks its
/// missed-page tiers.
@Suite(.serialized, .needsOncallBinary)
struct DeadlineSourceCLITests {
    // ShiftFixture.now is Friday 2026-11-27 15:00 UTC (07:00 PST). Priority high created 06:00 PST = 4 h on
    // business hours -> 10:00 PST = 18:00 UTC.
    static let computed = "2026-11-27T18:00:00Z"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var breachAt: String?
        var source: String
        var breach: String
        var drift: Int?
        var outOfDate: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "computed", source: "computed", breach: computed, outOfDate: false),
        Case(
            name: "Zendesk agrees within a minute", breachAt: "2026-11-27T18:00:30Z", source: "zendesk",
            breach: "2026-11-27T18:00:30Z", outOfDate: false),
        Case(
            name: "Zendesk 90 min later", breachAt: "2026-11-27T19:30:00Z", source: "zendesk",
            breach: "2026-11-27T19:30:00Z", drift: 5400, outOfDate: true),
    ]

    @Test(arguments: cases) func statusSaysWhereTheDeadlineCameFrom(_ c: Case) throws {
        let shift = try ShiftFixture()
        var add = [
            "ticket", "add", "--id", "4243", "--subject", "s", "--priority", "high", "--created",
            "2026-11-27T14:00:00Z", "--org", "Acme", "--plan", "priority",
        ]
        if let breachAt = c.breachAt { add += ["--breach-at", breachAt] }
        let result = try shift.run(add)
        #expect(result.succeeded, "ticket add: \(result)")
        let frt = try #require(objects(try shift.statusObject()["frt"]).first)
        #expect(frt["breach_source"] as? String == c.source)
        #expect(frt["breach_at"] as? String == c.breach)
        #expect(frt["computed_breach_at"] as? String == Self.computed)
        #expect((frt["breach_drift_seconds"] as? Int) == c.drift)
        if c.drift == nil { #expect(frt["breach_drift_seconds"] is NSNull) }
        #expect(frt["policy_out_of_date"] as? Bool == c.outOfDate)
    }

    @Test func theServicePicksTheMissedPageTiers() throws {
        let shift = try ShiftFixture()
        // Both paged 12 minutes ago: past the default 10 min, not yet US Federal's 15.
        try shift.ok(
            "emergency", "add", "--ticket", "700001", "--title", "Down", "--paged-at", "2026-11-27T14:48:00Z")
        try shift.ok(
            "emergency", "add", "--ticket", "700002", "--title", "Fed down", "--paged-at", "2026-11-27T14:48:00Z",
            "--service", "Customer Support - US Federal")
        let emergencies = objects(try shift.statusObject()["emergencies"])
        let plain = try #require(emergencies.first { $0["id"] as? Int == 700001 })
        let federal = try #require(emergencies.first { $0["id"] as? Int == 700002 })
        #expect(plain["missed_page"] as? String == "manager")
        #expect(plain["service"] is NSNull)
        #expect(federal["missed_page"] as? String == "none")
        #expect(federal["service"] as? String == "Customer Support - US Federal")
        let tiers = federal["page_tiers"] as? [String: Any]
        #expect(tiers?["manager_minutes"] as? Int == 15 && tiers?["senior_minutes"] as? Int == 35)
        #expect(tiers?["override"] as? String == "us-federal")
        // 40 minutes after the page, leadership.
        let later = objects(try shift.statusObject(now: "2026-11-27T15:28:00Z")["emergencies"])
        #expect(later.first { $0["id"] as? Int == 700002 }?["missed_page"] as? String == "senior")
        let blank = try shift.run([
            "emergency", "add", "--ticket", "700003", "--title", "x", "--service", " ",
        ])
        #expect(!blank.succeeded && blank.stderr.contains("--service"))
    }
}
