import Foundation
import OnCallVendorFake
import Testing

/// The dashboard pulling the local vendor fake in the background (issue 11): its data shows within seconds,
/// a source answering 500 shows in the header, and the header recovers when it stops.
@Suite(.serialized, .needsOncallDashboard)
struct SyncDashboardTests {
    private func dashboard(_ fixture: SyncFixture, tokens: [String], extra: [String] = []) throws -> TmuxSession {
        var environment = fixture.shift.environment
        environment.merge(SyncFixture.tokens(tokens)) { $1 }
        environment["TERM"] = "tmux-256color"
        let command = fixture.shift.arguments(["--config", fixture.config, "dashboard"] + extra).map(shellQuote)
            .joined(separator: " ")
        return try TmuxSession(width: 160, height: 40, environment: environment, command: command)
    }

    @Test func showsTheFakesDataThenAnErrorInTheHeaderThenRecovers() throws {
        let fixture = try SyncFixture(pollSeconds: 5)
        defer { fixture.close() }
        try fixture.shift.seedRota()
        let tmux = try dashboard(fixture, tokens: ["gitlab", "zendesk"])
        defer { tmux.kill() }
        let title = String(fixture.openEscalations[0].title.prefix(20))
        let shown = try tmux.waitUntil(timeout: 30) { $0.contains(title) && $0.contains("gitlab") && $0.contains("✓") }
        #expect(shown.matched, "\(shown.screen)")
        #expect(shown.screen.contains("slack off"), "\(shown.screen)")

        fixture.fake.inject(.status(500, "{\"message\":\"500 Internal Server Error\"}"), prefix: "/api/v4", count: nil)
        let failing = try tmux.waitFor("gitlab ✖ HTTP 500", timeout: 40)
        #expect(failing.matched, "\(failing.screen)")
        // The other source and the screen carry on.
        #expect(failing.screen.contains(title))

        fixture.fake.clearFaults()
        let recovered = try tmux.waitUntil(timeout: 40) { !$0.contains("gitlab ✖") && $0.contains("gitlab ") }
        #expect(recovered.matched, "\(recovered.screen)")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit(timeout: 10))
    }

    @Test func twoDashboardsOnOneStoreOnePullsBothShow() throws {
        let fixture = try SyncFixture(pollSeconds: 5)
        defer { fixture.close() }
        try fixture.shift.seedRota()
        let first = try dashboard(fixture, tokens: ["gitlab"])
        defer { first.kill() }
        let second = try dashboard(fixture, tokens: ["gitlab"])
        defer { second.kill() }
        let title = String(fixture.openEscalations[0].title.prefix(20))
        #expect(try first.waitFor(title, timeout: 30).matched)
        #expect(try second.waitFor(title, timeout: 30).matched)
        // One puller: the issue list was asked for by one process only (one first pull, then increments).
        let firstPulls = fixture.fake.requests.filter { $0.value("state") == "opened" }
        #expect(firstPulls.count == 1, "\(firstPulls.count) first pulls")
        let sources = try fixture.run(["sources", "--json"], tokens: [])
        let object = try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [String: Any] ?? [:]
        let lease = object["lease"] as? [String: Any]
        #expect(lease?["live"] as? Bool == true, "\(sources.stdout)")
        try first.sendKeys("q")
        try second.sendKeys("q")
        #expect(try first.waitForExit(timeout: 10))
        #expect(try second.waitForExit(timeout: 10))
    }
}
