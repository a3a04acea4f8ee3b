import Foundation
import Testing

/// Issue 7 on the real binary: the hand-off report, upgrade requests, security notices, covers and the
/// compromised-instance checklist, each checked in the store (`status --json`, `log --json`).
@Suite(.serialized, .needsOncallBinary)
struct DutiesCLITests {
    // MARK: Hand-off report

    /// A shift with one of everything the report lists, done at different times.
    private func reportShift() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.ok(
            "escalation", "add", "--id", "601", "--ticket", "6601", "--urgency", "timely", "--title", "Early one",
            now: "2026-11-27T09:00:00Z")
        try shift.ok(
            "escalation", "add", "--id", "602", "--ticket", "6602", "--urgency", "urgent", "--title", "Late one",
            "--customer", "Acme", now: "2026-11-27T14:30:00Z")
        try shift.ok("escalation", "assign", "602", "--to", "Linus", now: "2026-11-27T14:35:00Z")
        try shift.ok(
            "emergency", "add", "--ticket", "7601", "--title", "Instance hacked", "--customer", "Globex",
            "--engineer", "Ken", "--paged-at", "2026-11-27T13:00:00Z", now: "2026-11-27T13:00:00Z")
        try shift.ok("emergency", "ack", "7601", now: "2026-11-27T13:05:00Z")
        try shift.ok("emergency", "flag", "7601", "compromised", now: "2026-11-27T13:10:00Z")
        try shift.ok(
            "ticket", "add", "--id", "8601", "--subject", "Breaching soon", "--priority", "urgent", "--created",
            "2026-11-27T14:45:00Z", "--org", "Initech", "--plan", "priority", "--region", "APAC")
        try shift.ok(
            "upgrade", "add", "--ticket", "9601", "--customer", "Umbrella", "--scheduled", "2026-12-01T15:00:00Z")
        try shift.ok("notice", "add", "--title", "Credential stuffing", "--cmoc", "Erin", "--link", "https://x.test/1")
        return shift
    }

    @Test func handoffReportMarkdownHasEverySection() throws {
        let shift = try reportShift()
        let markdown = try shift.ok("handoff-report")
        #expect(markdown.hasPrefix("## Support Manager On-call hand-off: 2026-11-27 15:00 UTC"))
        for section in [
            "### Alerts", "### Open emergencies (1)", "### Open escalations (2)",
            "### Upgrade requests needing attention (1)", "### Active notices (1)", "### FRT at risk (1 of 1",
            "### Done this shift",
        ] {
            #expect(markdown.contains(section), "missing \(section):\n\(markdown)")
        }
        #expect(markdown.contains("on call: **\(ShiftFixture.actor)**"))
        #expect(markdown.contains("next: **\(ShiftFixture.nextManager)**"))
        #expect(markdown.contains("**7601** Instance hacked (Globex): acknowledged, running 2h 00m"))
        #expect(markdown.contains("**compromised instance** (open steps: restore-backup"))
        #expect(markdown.contains("**602** (ticket 6602) Late one (Acme): urgent, assigned, owner Linus"))
        #expect(markdown.contains("**9601** Umbrella at 2026-12-01 15:00 UTC, engineer none: short-notice"))
        #expect(markdown.contains("Credential stuffing since 2026-11-27 15:00 UTC, CMOC Erin (https://x.test/1)"))
        #expect(markdown.contains("| 8601 | critical |"))
        #expect(markdown.contains("14:35 \(ShiftFixture.actor) assigned escalation 602 to Linus"))
        // The shift began at 08:00 (the rota): the 09:00 escalation is in, nothing before.
        #expect(markdown.contains("09:00 \(ShiftFixture.actor) added escalation 601"))
    }

    @Test func handoffReportSinceLimitsWhatWasDone() throws {
        let shift = try reportShift()
        let markdown = try shift.ok("handoff-report", "--markdown", "--since", "2026-11-27T14:00:00Z")
        #expect(markdown.contains("Shift since 2026-11-27 14:00 UTC"))
        #expect(markdown.contains("assigned escalation 602"))
        #expect(!markdown.contains("added escalation 601"), "an event before --since is listed")
        #expect(!markdown.contains("flagged emergency"), "an event before --since is listed")
        // Open work is listed whatever --since says.
        #expect(markdown.contains("**601**"))
    }

    @Test func handoffReportJSON() throws {
        let shift = try reportShift()
        let report = try #require(
            try shift.json("handoff-report", "--json", "--since", "2026-11-27T13:00:00Z") as? [String: Any])
        for key in [
            "generated_at", "since", "on_call", "next_manager", "emergencies", "escalations", "upgrades", "notices",
            "frt_at_risk", "frt_at_risk_total", "frt_at_risk_by_region", "frt_by_risk", "alerts", "done",
        ] {
            #expect(report[key] != nil, "missing \(key)")
        }
        #expect(report["since"] as? String == "2026-11-27T13:00:00Z")
        #expect(report["generated_at"] as? String == ShiftFixture.now)
        #expect(report["on_call"] as? String == ShiftFixture.actor)
        let emergency = objects(report["emergencies"]).first
        #expect(emergency?["compromised"] as? Bool == true)
        #expect((emergency?["checklist_open"] as? [String])?.count == 7)
        #expect(emergency?["running_seconds"] as? Double == 7200)
        #expect(objects(report["escalations"]).compactMap { $0["id"] as? Int }.sorted() == [601, 602])
        #expect(objects(report["upgrades"]).first?["flags"] as? [String] == ["short-notice"])
        #expect(objects(report["notices"]).first?["title"] as? String == "Credential stuffing")
        #expect(objects(report["frt_at_risk"]).first?["ticket"] as? Int == 8601)
        #expect(objects(report["frt_at_risk_by_region"]).first?["name"] as? String == "APAC")
        let done = objects(report["done"])
        let verbs = done.compactMap { $0["verb"] as? String }
        #expect(verbs.contains("emergency.flag") && verbs.contains("escalation.assign"), "\(verbs)")
        #expect(!done.contains { ($0["at"] as? String ?? "") < "2026-11-27T13:00:00Z" })
        let times = done.compactMap { $0["at"] as? String }
        #expect(times == times.sorted(), "done is oldest first")
    }

    // MARK: Upgrade assistance requests

    private func upgrade(_ status: [String: Any], _ ticket: Int) -> [String: Any]? {
        objects(status["upgrades"]).first { $0["ticket"] as? Int == ticket }
    }

    @Test func upgradeFlagsAtTheirBoundaries() throws {
        let shift = try ShiftFixture()
        // Requested now (Friday 2026-11-27 15:00 UTC = 07:00 Pacific).
        try shift.ok(
            "upgrade", "add", "--ticket", "9001", "--customer", "Six days", "--scheduled", "2026-12-03T15:00:00Z",
            "--engineer", "Eve")
        try shift.ok(
            "upgrade", "add", "--ticket", "9002", "--customer", "Seven days", "--scheduled", "2026-12-04T15:00:00Z",
            "--engineer", "Eve")
        try shift.ok(
            "upgrade", "add", "--ticket", "9003", "--customer", "Saturday", "--scheduled", "2026-12-12T18:00:00Z",
            "--engineer", "Eve")
        try shift.ok(
            "upgrade", "add", "--ticket", "9004", "--customer", "Complex", "--scheduled", "2026-12-04T15:00:00Z",
            "--complex", "--engineer", "Eve")
        try shift.ok(
            "upgrade", "add", "--ticket", "9005", "--customer", "Nobody", "--scheduled", "2026-12-10T15:00:00Z",
            "--requested", "2026-11-26T14:00:00Z")
        // Friday 17:00 Pacific (01:00 UTC Saturday) is the close of the 24x5 week: outside.
        try shift.ok(
            "upgrade", "add", "--ticket", "9006", "--customer", "Friday close", "--scheduled", "2026-12-12T01:00:00Z",
            "--engineer", "Eve")
        let status = try shift.statusObject()
        let expected: [(Int, [String])] = [
            (9001, ["short-notice"]), (9002, []), (9003, ["outside-hours"]), (9004, ["short-notice"]),
            (9005, ["unassigned"]), (9006, ["outside-hours"]),
        ]
        for (ticket, flags) in expected {
            let item = upgrade(status, ticket)
            #expect(item?["flags"] as? [String] == flags, "upgrade \(ticket): \(String(describing: item))")
            #expect(isUTCTime(item?["scheduled_at"]))
        }
        #expect(upgrade(status, 9001)?["customer"] as? String == "Six days")
        #expect(upgrade(status, 9001)?["engineer"] as? String == "Eve")
        let alerts = objects(status["alerts"]).filter { $0["kind"] as? String == "upgrade-attention" }
        #expect(alerts.count == 5, "\(alerts)")
    }

    @Test func upgradeAssignRescheduleAndDone() throws {
        let shift = try ShiftFixture()
        try shift.ok(
            "upgrade", "add", "--ticket", "9101", "--customer", "Acme", "--scheduled", "2026-12-10T15:00:00Z",
            "--engineer", "Eve")
        #expect(upgrade(try shift.statusObject(), 9101)?["flags"] as? [String] == [])
        // A new engineer within 24 h of the session: assignee-changed.
        try shift.ok("upgrade", "assign", "9101", "--engineer", "Sam", now: "2026-12-09T20:00:00Z")
        var status = try shift.statusObject(now: "2026-12-09T20:00:00Z")
        #expect(upgrade(status, 9101)?["engineer"] as? String == "Sam")
        #expect(upgrade(status, 9101)?["flags"] as? [String] == ["assignee-changed"])
        // Moved to a Saturday: outside-hours (and no longer within 24 h of the change); moved with 3 days' notice,
        // and a reschedule must meet the minimum notice too: short-notice.
        try shift.ok(
            "upgrade", "reschedule", "9101", "--scheduled", "2026-12-12T18:00:00Z", now: "2026-12-09T20:00:00Z")
        status = try shift.statusObject(now: "2026-12-09T20:00:00Z")
        #expect(upgrade(status, 9101)?["scheduled_at"] as? String == "2026-12-12T18:00:00Z")
        #expect(upgrade(status, 9101)?["flags"] as? [String] == ["outside-hours", "short-notice"])
        try shift.ok("upgrade", "done", "9101", now: "2026-12-09T20:00:00Z")
        #expect(upgrade(try shift.statusObject(now: "2026-12-09T20:00:00Z"), 9101) == nil, "a done request is listed")
        let again = try shift.run(["upgrade", "done", "9101"])
        #expect(again.exitCode == 1 && again.stderr.contains("upgrade 9101 is already done"), "\(again)")
        let verbs = try shift.auditLog().compactMap { $0["verb"] as? String }
        #expect(verbs == ["upgrade.done", "upgrade.reschedule", "upgrade.assign", "upgrade.add"])
    }

    // MARK: Security incident notices

    @Test func noticeAddAndClear() throws {
        let shift = try ShiftFixture()
        let added = try shift.ok(
            "notice", "add", "--kind", "security", "--title", "Leaked tokens", "--cmoc", "Erin", "--link",
            "https://status.test/1")
        #expect(added.contains("notice 1 added"))
        var status = try shift.statusObject()
        let notice = objects(status["notices"]).first
        #expect(notice?["id"] as? Int == 1)
        #expect(notice?["kind"] as? String == "security")
        #expect(notice?["title"] as? String == "Leaked tokens")
        #expect(notice?["cmoc"] as? String == "Erin")
        #expect(notice?["link"] as? String == "https://status.test/1")
        #expect(notice?["since"] as? String == ShiftFixture.now)
        let alert = objects(status["alerts"]).first { $0["kind"] as? String == "security-incident" }
        #expect((alert?["message"] as? String)?.contains("Leaked tokens") == true)
        #expect(try shift.ok("status").contains("Leaked tokens"))

        try shift.ok("notice", "clear", "1", now: "2026-11-27T16:00:00Z")
        status = try shift.statusObject(now: "2026-11-27T16:00:00Z")
        #expect(objects(status["notices"]).isEmpty)
        #expect(!objects(status["alerts"]).contains { $0["kind"] as? String == "security-incident" })
        let cleared = objects(try shift.statusObject(all: true)["notices"]).first
        #expect(cleared?["cleared_at"] as? String == "2026-11-27T16:00:00Z")
        let twice = try shift.run(["notice", "clear", "1"])
        #expect(twice.exitCode == 1)
        #expect(twice.stderr.contains("notice 1 was already cleared by \(ShiftFixture.actor) at 16:00 UTC"))
        let badKind = try shift.run(["notice", "add", "--kind", "weather", "--title", "Storm"])
        #expect(badKind.exitCode == 2 && badKind.stderr.contains("--kind"), "\(badKind)")
    }

    // MARK: Cover

    @Test func coverChangesNextManagerAndTheDefaultHandoffTarget() throws {
        let shift = try ShiftFixture()
        try shift.seedRota()  // Ada 08-16, Grace 16-24
        try shift.ok(
            "emergency", "add", "--ticket", "7701", "--title", "Down", "--engineer", "Ken",
            "--paged-at", "2026-11-27T14:55:00Z")
        try shift.ok("emergency", "lead", "7701")
        // Bob covers the start of Grace's shift: the hand-off goes to him.
        let cover = try shift.ok(
            "cover", "--by", "Bob Cover", "--from", "2026-11-27T16:00:00Z", "--to", "2026-11-27T18:00:00Z", "--for",
            ShiftFixture.nextManager)
        #expect(cover.contains("Bob Cover covers for \(ShiftFixture.nextManager)"), "\(cover)")
        let handoff = try shift.ok("emergency", "handoff", "7701", "--note", "Bob, over to you")
        #expect(handoff.contains("handed off to Bob Cover"), "\(handoff)")
        let emergency = objects(try shift.statusObject()["emergencies"]).first
        #expect(emergency?["lead"] as? String == "Bob Cover")
        let log = try shift.auditLog()
        #expect(log.first?["verb"] as? String == "emergency.handoff")
        #expect(log.contains { $0["verb"] as? String == "rota.cover" })
        // A cover ending mid-shift: Ada covered by Carol 14:30-15:30, Ada is next again.
        try shift.ok("cover", "--by", "Carol", "--from", "2026-11-27T14:30:00Z", "--to", "2026-11-27T15:30:00Z")
        let rota = try shift.json("rota", "--json") as? [String: Any] ?? [:]
        #expect(rota["on_call"] as? String == "Carol")
        #expect(rota["next"] as? String == ShiftFixture.actor)
        let report = try shift.ok("handoff-report")
        #expect(report.contains("on call: **Carol**") && report.contains("next: **\(ShiftFixture.actor)**"))
        let bad = try shift.run([
            "cover", "--by", "Bob", "--from", "2026-11-27T16:00:00Z", "--to", "2026-11-27T15:00:00Z",
        ])
        #expect(bad.exitCode == 2 && bad.stderr.contains("--to"), "\(bad)")
    }

    // MARK: Compromised instances

    @Test func compromisedFlagAndChecklist() throws {
        let shift = try ShiftFixture()
        try shift.ok(
            "emergency", "add", "--ticket", "7801", "--title", "Crypto miner", "--engineer", "Ken",
            "--paged-at", "2026-11-27T14:50:00Z")
        let flagged = try shift.ok("emergency", "flag", "7801", "compromised")
        #expect(flagged.contains("join before any call is offered"), "\(flagged)")
        for item in ["restore-backup", "audit-users"] { try shift.ok("emergency", "check", "7801", item) }
        var status = try shift.statusObject()
        #expect(objects(status["emergencies"]).first?["compromised"] as? Bool == true)
        let alert = objects(status["alerts"]).first { $0["kind"] as? String == "compromised-instance" }
        #expect((alert?["message"] as? String)?.contains("join before any call is offered (checklist 2/7)") == true)
        let checks = try shift.auditLog().filter { $0["verb"] as? String == "emergency.checklist" }
        #expect(checks.compactMap { $0["after"] as? String } == ["audit-users=done", "restore-backup=done"])
        let report = try #require(try shift.json("handoff-report", "--json") as? [String: Any])
        let open = objects(report["emergencies"]).first?["checklist_open"] as? [String]
        #expect(open == ["upgrade", "audit-code", "audit-webhooks", "audit-runners", "audit-settings"])

        try shift.ok("emergency", "check", "7801", "audit-users", "--undo")
        status = try shift.statusObject()
        let undone = objects(status["alerts"]).first { $0["kind"] as? String == "compromised-instance" }
        #expect((undone?["message"] as? String)?.contains("checklist 1/7") == true, "\(String(describing: undone))")
        let unknown = try shift.run(["emergency", "check", "7801", "reboot"])
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("restore-backup, upgrade, audit-users"), "\(unknown)")
        try shift.ok("emergency", "flag", "7801", "compromised", "--clear")
        status = try shift.statusObject()
        #expect(objects(status["emergencies"]).first?["compromised"] as? Bool == false)
        #expect(!objects(status["alerts"]).contains { $0["kind"] as? String == "compromised-instance" })
    }
}
