import Foundation
import OnCallVendorFake
import Testing

/// `oncall sync --once [--json]` and `oncall sources` against the local vendor fake (issue 11).
@Suite(.serialized, .needsOncallBinary)
struct SyncCLITests {
    @Test func withNoSourceEnabledItSaysHowAndExits2() throws {
        let fixture = try SyncFixture()
        defer { fixture.close() }
        let result = try fixture.run(["sync", "--once"], tokens: [])
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderr.contains("no source is enabled"), "\(result.stderr)")
        #expect(result.stderr.contains("$ONCALL_GITLAB_TOKEN"), "\(result.stderr)")
        #expect(fixture.fake.requests.isEmpty)
    }

    @Test func pullsEveryEnabledSourceOncePrintsALineEachAndExits0() throws {
        let fixture = try SyncFixture()
        defer { fixture.close() }
        let result = try fixture.run(["sync", "--once"], tokens: ["zendesk", "pagerduty", "gitlab"])
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("zendesk: 1 page, 30 read, 30 new, 0 updated, 0 unchanged") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("gitlab: 1 page, 5 read, 5 new") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("pagerduty: ") && !$0.contains("failed") }, "\(lines)")
        for token in SyncFixture.tokens(["zendesk", "pagerduty", "gitlab"]).values {
            #expect(!result.stdout.contains(token) && !result.stderr.contains(token), "a token was printed")
        }
        let status = try fixture.shift.status()
        #expect((status["escalations"] as? [Any])?.count == 5)

        // Again: nothing new, nothing changes.
        let again = try fixture.run(["sync", "--once", "--json"], tokens: ["zendesk", "pagerduty", "gitlab"])
        #expect(again.exitCode == 0, "\(again)")
        let items = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0["ok"] as? Bool == true && $0["new"] as? Int == 0 && $0["updated"] as? Int == 0 })

        let sources = try fixture.run(["sources", "--json"], tokens: ["zendesk", "pagerduty", "gitlab"])
        #expect(sources.exitCode == 0, "\(sources)")
        let object = try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [String: Any] ?? [:]
        let list = object["sources"] as? [[String: Any]] ?? []
        #expect(list.map { $0["source"] as? String } == ["zendesk", "pagerduty", "gitlab", "slack"])
        #expect(list.first { $0["source"] as? String == "gitlab" }?["last_success_at"] is String)
        #expect(list.first { $0["source"] as? String == "slack" }?["enabled"] as? Bool == false)
    }

    @Test func aFailingSourceSaysWhichAndWhyAndExits6() throws {
        let fixture = try SyncFixture()
        defer { fixture.close() }
        fixture.fake.inject(.status(401, "{\"error\":\"Unauthorized\"}"), prefix: "/incidents", count: nil)
        let result = try fixture.run(["sync", "--once"], tokens: ["pagerduty", "gitlab"])
        #expect(result.exitCode == 6, "\(result)")
        #expect(result.stdout.contains("pagerduty: failed: 401 check $ONCALL_PAGERDUTY_TOKEN"), "\(result.stdout)")
        #expect(result.stdout.contains("gitlab: 1 page, 5 read, 5 new"), "\(result.stdout)")
        let status = try fixture.shift.status()
        #expect((status["emergencies"] as? [Any])?.isEmpty ?? true)
    }
}
