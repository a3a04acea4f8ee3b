import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 7 on the dashboard, in tmux: the hand-off report view (`H`, scroll, `s` saves) and the notice banner.
@Suite(.serialized, .needsOncallDashboard)
struct DutiesDashboardTests {
    static let noticeTitle = "Credential stuffing on GitLab.com"

    /// The rota, an escalation, an emergency and `tickets` tickets at risk (a dozen make the report longer than
    /// a 40-row screen).
    private func seeded(tickets: Int = 0) throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.ok(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title",
            "Pipeline stuck for Acme", "--at", "2026-11-27T14:50:00Z")
        try shift.ok(
            "emergency", "add", "--ticket", "7001", "--title", "Production down at Globex", "--engineer", "Ken",
            "--paged-at", "2026-11-27T14:55:00Z")
        for n in stride(from: 1, through: tickets, by: 1) {
            try shift.ok(
                "ticket", "add", "--id", "\(8100 + n)", "--subject", "At risk \(n)", "--priority", "high",
                "--created", "2026-11-27T11:\(String(format: "%02d", n)):00Z", "--org", "Org \(n)", "--plan",
                "priority", "--region", "EMEA")
        }
        return shift
    }

    private func quit(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10), "q did not exit", sourceLocation: sourceLocation)
    }

    /// The "first-last/total" position in the report frame's bottom border.
    private func position(_ screen: String) -> String? {
        guard let range = screen.range(of: #"\d+-\d+/\d+"#, options: .regularExpression) else { return nil }
        return String(screen[range])
    }

    @Test func reportOpensWithHScrollsAndSavesToAFile() throws {
        let shift = try seeded(tickets: 12)
        try shift.ok("notice", "add", "--title", Self.noticeTitle)
        let session = try shift.startDashboard(width: 120, height: 40)
        defer { session.kill() }
        #expect(try session.waitFor("Pipeline stuck for Acme", timeout: 15).matched, "\(session.screenText)")

        try session.sendKeys("H")
        // Wait for the whole frame: a capture can land while the terminal is still being drawn.
        let opened = try session.waitUntil(timeout: 15) {
            $0.contains("Shift hand-off report") && $0.contains("### Alerts") && self.position($0) != nil
        }
        #expect(opened.matched, "H did not open the report:\n\(opened.screen)")
        #expect(opened.screen.contains("## Support Manager On-call hand-off: 2026-11-27 15:00 UTC"))
        let top = try #require(position(opened.screen), "no scroll position:\n\(opened.screen)")
        #expect(top.hasPrefix("1-"))
        #expect(!opened.screen.contains("### Done this shift"), "the test needs a report longer than the screen")

        try session.sendKeys("End")
        let scrolled = try session.waitUntil(timeout: 10) {
            self.position($0) != top && $0.contains("### Done this shift")
        }
        #expect(scrolled.matched, "End did not scroll:\n\(scrolled.screen)")
        #expect(scrolled.screen.contains("### Done this shift"), "\(scrolled.screen)")
        #expect(!scrolled.screen.contains("## Support Manager On-call hand-off"))
        try session.sendKeys("Home")
        let back = try session.waitUntil(timeout: 10) { self.position($0) == top }
        #expect(back.matched, "Home did not scroll back:\n\(back.screen)")

        let file = shift.directory.appendingPathComponent("saved report.md").path
        try session.sendKeys("s")
        #expect(try session.waitFor("Save the hand-off report to", timeout: 15).matched, "\(session.screenText)")
        try session.sendKeys("C-u")
        try session.type(file)
        try session.sendKeys("Enter")
        // The confirmation shows in the report view's footer (the view covers the status row).
        let saved = try session.waitFor("report saved to", timeout: 15)
        #expect(saved.matched, "no confirmation:\n\(saved.screen)")
        #expect(saved.screen.contains("Shift hand-off report"), "the report closed on saving")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("## Support Manager On-call hand-off: 2026-11-27 15:00 UTC"))
        for expected in [
            "### Open emergencies (1)", "**7001** Production down at Globex", "### Open escalations (1)",
            "**101** (ticket 5101) Pipeline stuck for Acme", "### Active notices (1)", Self.noticeTitle,
            "### FRT at risk", "### Done this shift",
        ] {
            #expect(text.contains(expected), "the saved report lacks \(expected)")
        }
        // The saved file is the same report the CLI prints.
        #expect(text == (try shift.ok("handoff-report")))
        // Issue 14 item 12: private, and an existing file is replaced only when the user says so.
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600, "saved with mode \(String(mode, radix: 8))")
        try Data("an older report".utf8).write(to: URL(fileURLWithPath: file))
        try session.sendKeys("s")
        #expect(try session.waitFor("Save the hand-off report to", timeout: 15).matched, "\(session.screenText)")
        try session.sendKeys("C-u")
        try session.type(file)
        try session.sendKeys("Enter")
        let asked = try session.waitFor("Replace it", timeout: 15)
        #expect(asked.matched, "no question before replacing:\n\(asked.screen)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "an older report")
        try session.sendKeys("Down")
        try session.sendKeys("Enter")
        // The footer may still show the first save's message: wait for the file itself.
        let replaced = try session.waitUntil(timeout: 15) { _ in
            (try? String(contentsOfFile: file, encoding: .utf8)) == text
        }
        #expect(replaced.matched, "not replaced after saying so:\n\(replaced.screen)")
        let replacedMode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) ?? 0
        #expect(replacedMode == 0o600)

        try session.sendKeys("Escape")
        #expect(try session.waitUntil(timeout: 10) { !$0.contains("Shift hand-off report") }.matched)
        try quit(session)
    }

    @Test func noticeBannerShowsUntilCleared() throws {
        let shift = try seeded()
        try shift.ok("notice", "add", "--title", Self.noticeTitle, "--cmoc", "Erin", "--link", "https://status.test/9")
        let session = try shift.startDashboard(width: 120, height: 40)
        defer { session.kill() }
        let banner = try session.waitUntil(timeout: 15) {
            $0.contains("SECURITY INCIDENT: \(Self.noticeTitle)") && $0.contains("CMOC Erin")
                && $0.contains("security incident: \(Self.noticeTitle)")
        }
        #expect(banner.matched, "no banner:\n\(banner.screen)")
        let lines = banner.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = lines.firstIndex { $0.contains("SECURITY INCIDENT") }
        #expect(row.map { $0 <= 3 } == true, "the banner is not at the top:\n\(banner.screen)")
        #expect(lines.first { $0.contains("SECURITY INCIDENT") }?.contains("CMOC Erin") == true)
        #expect(banner.screen.contains("security incident: \(Self.noticeTitle)"), "the alert line")

        // Cleared from the CLI, the open dashboard drops the banner on its next poll.
        try shift.ok("notice", "clear", "1")
        let gone = try session.waitUntil(timeout: 15) { !$0.contains("SECURITY INCIDENT") }
        #expect(gone.matched, "the banner stayed after the notice was cleared:\n\(gone.screen)")
        try quit(session)
    }

    @Test func coverShowsInTheHeader() throws {
        let shift = try seeded()
        try shift.ok("cover", "--by", "Bob Cover", "--from", "2026-11-27T14:30:00Z", "--to", "2026-11-27T15:30:00Z")
        let session = try shift.startDashboard(width: 120, height: 40)
        defer { session.kill() }
        let header = try session.waitFor("covered by Bob Cover until 15:30", timeout: 15)
        #expect(header.matched, "no cover in the header:\n\(header.screen)")
        try quit(session)
    }

    /// Polls `condition` (a store query) for up to `timeout` seconds.
    private func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            usleep(100_000)
        }
    }

    @Test func compromisedFlagAndChecklistByKeys() throws {
        let shift = try seeded()
        let session = try shift.startDashboard(width: 120, height: 40)
        defer { session.kill() }
        #expect(try session.waitFor("Production down at Globex", timeout: 15).matched, "\(session.screenText)")
        try session.sendKeys("1")
        try session.sendKeys("c")
        let confirmFlag = try session.waitUntil(timeout: 10) {
            $0.contains("Flag emergency 7001 as a compromised instance?") && $0.contains("y confirm")
        }
        #expect(confirmFlag.matched, "\(confirmFlag.screen)")
        try session.sendKeys("y")
        let flagged = try eventually {
            objects(try shift.statusObject()["emergencies"]).first?["compromised"] as? Bool == true
        }
        #expect(flagged, "c + y did not flag the emergency:\n\(session.screenText)")
        #expect(try session.waitFor("join before any call is offered", timeout: 15).matched, "\(session.screenText)")

        try session.sendKeys("C")
        let list = try session.waitUntil(timeout: 10) {
            $0.contains("Recovery checklist for emergency 7001")
                && $0.contains("[ ] Shut down the instance and restore the last good backup")
        }
        #expect(list.matched, "\(list.screen)")
        try session.sendKeys("Enter")
        let ticked = try eventually {
            try shift.auditLog().contains {
                $0["verb"] as? String == "emergency.checklist" && $0["after"] as? String == "restore-backup=done"
            }
        }
        #expect(ticked, "Enter did not tick the first item:\n\(session.screenText)")
        try session.sendKeys("Escape")
        try quit(session)
    }

    /// `t` shows the handbook's PagerDuty fields; with a routing key and a failing endpoint the emergency is
    /// still created and the failure is on screen.
    @Test func triggerByKeyShowsTheFieldsAndReportsAFailedSend() throws {
        let shift = try seeded()
        let server = try LocalHTTPServer(status: 500)
        let config = shift.directory.appendingPathComponent("pd.toml")
        let toml = "[pagerduty]\nevents_url = \"http://127.0.0.1:\(server.port)/v2/enqueue\"\n"
        try Data(toml.utf8).write(to: config)
        var environment = shift.environment
        environment["TERM"] = "tmux-256color"
        environment["ONCALL_PAGERDUTY_ROUTING_KEY"] = "e2e-key"
        let session = try TmuxSession(
            width: 120, height: 40, environment: environment,
            command: shift.dashboardCommand(extra: ["--config", config.path]))
        defer { session.kill() }
        #expect(try session.waitFor("Pipeline stuck for Acme", timeout: 15).matched, "\(session.screenText)")
        try session.sendKeys("2")
        try session.sendKeys("Home")
        try session.sendKeys("t")
        let fields = ["Impacted Service: Customer Support", "Customer Emergency Rotation", "Title:            5101"]
        let confirm = try session.waitUntil(timeout: 10) { screen in
            fields.allSatisfy { screen.contains($0) } && screen.contains("y confirm")
        }
        #expect(confirm.matched, "the PagerDuty fields are not all shown:\n\(confirm.screen)")
        try session.sendKeys("y")
        let request = server.wait(timeout: 20)
        #expect(request?.body.isEmpty == false, "the dashboard sent nothing")
        let failed = try session.waitFor("PagerDuty send FAILED (HTTP 500)", timeout: 15)
        #expect(failed.matched, "no failure on screen:\n\(failed.screen)")
        let emergency = objects(try shift.statusObject()["emergencies"]).first { $0["ticket"] as? Int == 5101 }
        #expect(emergency?["escalation"] as? Int == 101, "the local emergency was lost")
        try quit(session)
    }
}
