import Foundation
import Testing

/// The scripting contract of issue 2 (and the JSON additions of issue 7), checked on the real binary.
@Suite(.serialized, .needsOncallBinary)
struct CLIContractTests {
    /// Two escalations (one resolved), an emergency, three tickets, an upgrade and a notice.
    private func seeded() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.ok(
            "escalation", "add", "--id", "201", "--ticket", "6201", "--urgency", "not-urgent", "--title", "Slow",
            "--at", "2026-11-27T14:30:00Z")
        try shift.ok(
            "escalation", "add", "--id", "202", "--ticket", "6202", "--urgency", "urgent", "--title", "Down",
            "--at", "2026-11-27T14:50:00Z")
        try shift.ok(
            "escalation", "add", "--id", "203", "--ticket", "6203", "--urgency", "timely", "--title", "Done",
            "--at", "2026-11-27T14:00:00Z")
        try shift.ok("escalation", "ack", "203")
        try shift.ok("escalation", "resolve", "203", "--comment", "next step underway")
        try shift.ok(
            "emergency", "add", "--ticket", "7301", "--title", "502s", "--engineer", "Linus",
            "--paged-at", "2026-11-27T14:40:00Z")
        try shift.ok(
            "ticket", "add", "--id", "8001", "--subject", "High one", "--priority", "high", "--created",
            "2026-11-27T13:00:00Z", "--org", "Acme", "--plan", "priority", "--region", "EMEA")
        try shift.ok(
            "ticket", "add", "--id", "8002", "--subject", "Urgent one", "--priority", "urgent", "--created",
            "2026-11-27T14:50:00Z", "--org", "Globex", "--plan", "priority", "--region", "AMER")
        try shift.ok(
            "ticket", "add", "--id", "8003", "--subject", "Replied", "--priority", "urgent", "--created",
            "2026-11-27T14:00:00Z", "--org", "Initech", "--plan", "priority")
        try shift.ok("ticket", "reply", "8003", "--at", "2026-11-27T14:10:00Z")
        try shift.ok(
            "upgrade", "add", "--ticket", "9001", "--customer", "Umbrella", "--scheduled", "2026-12-03T15:00:00Z")
        try shift.ok("notice", "add", "--title", "Token leak", "--cmoc", "Erin")
        return shift
    }

    @Test func statusJSONHasTheContractKeysUTCTimesAndUrgencyOrder() throws {
        let shift = try seeded()
        let status = try shift.statusObject()
        #expect(
            Set(status.keys)
                == ["now", "emergencies", "escalations", "frt", "alerts", "upgrades", "notices", "unreadable"])
        #expect(status["now"] as? String == ShiftFixture.now)

        let contract: [(String, Set<String>)] = [
            (
                "emergencies",
                [
                    "ticket", "title", "customer", "state", "paged_at", "engineer", "lead", "missed_page",
                    "age_seconds", "handoffs",
                ]
            ),
            (
                "escalations",
                [
                    "id", "ticket", "title", "customer", "urgency", "state", "owner", "acknowledged_by",
                    "announced_at", "respond_by", "remaining_seconds", "labels",
                ]
            ),
            (
                "frt",
                [
                    "ticket", "subject", "organization", "plan", "priority", "region", "created_at", "breach_at",
                    "remaining_seconds", "risk", "policy",
                ]
            ),
            ("alerts", ["kind", "message"]),
            ("upgrades", ["ticket", "customer", "scheduled_at", "engineer", "flags"]),
            ("notices", ["id", "kind", "title", "cmoc", "link", "since"]),
        ]
        for (list, keys) in contract {
            let items = objects(status[list])
            #expect(!items.isEmpty, "\(list) is empty")
            for item in items {
                let missing = keys.subtracting(item.keys)
                #expect(missing.isEmpty, "\(list) item lacks \(missing.sorted()): \(item)")
            }
        }
        let timeKeys = ["paged_at", "announced_at", "respond_by", "created_at", "breach_at", "scheduled_at", "since"]
        for list in ["emergencies", "escalations", "frt", "upgrades", "notices"] {
            for item in objects(status[list]) {
                for key in timeKeys where item[key] != nil && !(item[key] is NSNull) {
                    #expect(isUTCTime(item[key]), "\(list).\(key) = \(item[key]!)")
                }
            }
        }
        let emergency = objects(status["emergencies"]).first
        #expect(emergency?["missed_page"] as? String == "senior")  // paged 20 min ago, never acknowledged
        #expect(emergency?["age_seconds"] as? Int == 1200)

        // Most urgent first: escalations by respond_by, FRT by breach_at.
        let escalations = objects(status["escalations"])
        #expect(escalations.compactMap { $0["id"] as? Int } == [202, 201])
        let respondBy = escalations.compactMap { $0["respond_by"] as? String }
        #expect(respondBy == respondBy.sorted())
        let frt = objects(status["frt"])
        #expect(frt.compactMap { $0["ticket"] as? Int } == [8002, 8001])
        let breachAt = frt.compactMap { $0["breach_at"] as? String }
        #expect(breachAt == breachAt.sorted())
        #expect(frt.first?["breach_at"] as? String == "2026-11-27T15:20:00Z")
        #expect(frt.first?["remaining_seconds"] as? Int == 1200)
    }

    @Test func allIncludesClosedItems() throws {
        let shift = try seeded()
        let open = try shift.statusObject()
        let all = try shift.statusObject(all: true)
        let openIds = objects(open["escalations"]).compactMap { $0["id"] as? Int }
        let allIds = objects(all["escalations"]).compactMap { $0["id"] as? Int }
        #expect(!openIds.contains(203))
        #expect(allIds.contains(203))
        #expect(objects(all["escalations"]).first { $0["id"] as? Int == 203 }?["state"] as? String == "resolved")
        // A replied ticket has left the FRT list for good, --all or not (only waiting tickets can breach).
        #expect(!objects(open["frt"]).contains { $0["ticket"] as? Int == 8003 })
        #expect(!objects(all["frt"]).contains { $0["ticket"] as? Int == 8003 })
        #expect(objects(all["frt"]).count == objects(open["frt"]).count)
        // Closed emergencies, done upgrades and cleared notices come back with --all.
        try shift.ok("emergency", "resolve", "7301")
        try shift.ok("upgrade", "done", "9001")
        try shift.ok("notice", "clear", "1")
        let closed = try shift.statusObject(all: true)
        let afterClose = try shift.statusObject()
        for list in ["emergencies", "upgrades", "notices"] {
            #expect(objects(afterClose[list]).isEmpty, "\(list) still lists a closed item")
            #expect(objects(closed[list]).count == 1, "--all lacks the closed \(list)")
        }
    }

    @Test func rotaJSONShowsCoversAndWhoIsOnCallAndNext() throws {
        let shift = try ShiftFixture()
        try shift.seedRota()  // Ada 08-16, Grace 16-24
        var rota = try shift.json("rota", "--json") as? [String: Any] ?? [:]
        #expect(rota["on_call"] as? String == ShiftFixture.actor)
        #expect(rota["next"] as? String == ShiftFixture.nextManager)
        // Bob covers the first hour of Grace's shift: he comes next, and Grace after him.
        try shift.ok(
            "cover", "--by", "Bob Cover", "--from", "2026-11-27T16:00:00Z", "--to", "2026-11-27T17:00:00Z", "--for",
            ShiftFixture.nextManager, "--note", "Grace at the dentist")
        rota = try shift.json("rota", "--json") as? [String: Any] ?? [:]
        #expect(rota["next"] as? String == "Bob Cover")
        let cover = objects(rota["entries"]).first { $0["kind"] as? String == "cover" }
        #expect(cover?["name"] as? String == "Bob Cover")
        #expect(cover?["covering"] as? String == ShiftFixture.nextManager)
        #expect(cover?["note"] as? String == "Grace at the dentist")
        #expect(cover?["start"] as? String == "2026-11-27T16:00:00Z")
        #expect(cover?["end"] as? String == "2026-11-27T17:00:00Z")
        // During the cover Bob is on call; Grace is next once it ends mid-shift.
        let during = try shift.json("rota", "--json", now: "2026-11-27T16:30:00Z") as? [String: Any] ?? [:]
        #expect(during["on_call"] as? String == "Bob Cover")
        #expect(during["next"] as? String == ShiftFixture.nextManager)
        let onCallNow = objects(during["entries"]).filter { $0["on_call_now"] as? Bool == true }
        #expect(onCallNow.compactMap { $0["name"] as? String } == ["Bob Cover"])
    }

    @Test func logJSONIsNewestFirstAndLimited() throws {
        let shift = try ShiftFixture()
        for (index, minute) in ["00", "01", "02", "03"].enumerated() {
            try shift.ok(
                "escalation", "add", "--id", "\(300 + index)", "--ticket", "\(6300 + index)", "--urgency", "timely",
                "--title", "E\(index)", now: "2026-11-27T15:\(minute):00Z")
        }
        let all = try shift.auditLog()
        #expect(all.count == 4)
        let times = all.compactMap { $0["at"] as? String }
        #expect(times == times.sorted(by: >))
        #expect(all.first?["target_id"] as? Int == 303)
        #expect(all.allSatisfy { isUTCTime($0["at"]) })
        let limited = try shift.json("log", "--json", "--limit", "2") as? [[String: Any]] ?? []
        #expect(limited.compactMap { $0["target_id"] as? Int } == [303, 302])
        let bad = try shift.run(["log", "--limit", "0"])
        #expect(!bad.succeeded)
        #expect(bad.stderr.contains("--limit"))
    }

    @Test func configPrintsTOMLThatReloads() throws {
        let shift = try ShiftFixture()
        let first = try shift.ok("config")
        #expect(first.contains("[pagerduty]"))
        let file = shift.directory.appendingPathComponent("effective.toml")
        try Data(first.utf8).write(to: file)
        let again = try shift.run(["--config", file.path, "config"])
        #expect(again.succeeded, "\(again)")
        #expect(again.stdout == first)
        // A changed value survives the round trip; an unknown key is an error naming it.
        let edited = first.replacingOccurrences(of: "ONCALL_PAGERDUTY_ROUTING_KEY", with: "MY_PD_KEY")
        try Data(edited.utf8).write(to: file)
        #expect(try shift.run(["--config", file.path, "config"]).stdout.contains("MY_PD_KEY"))
        try Data("[pagerduty]\nno_such_key = 1\n".utf8).write(to: file)
        let unknown = try shift.run(["--config", file.path, "config"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("no_such_key"))
    }

    /// Each verb, what it should leave in the audit log, and a check of the store after it.
    @Test func everyEscalationAndEmergencyVerbChangesTheStoreWithItsAuditEvents() throws {
        let shift = try ShiftFixture()
        try shift.seedRota()
        let steps: [(verb: [String], audit: [String])] = [
            (
                [
                    "escalation", "add", "--id", "401", "--ticket", "6401", "--urgency", "urgent", "--title", "A",
                    "--at", "2026-11-27T14:55:00Z",
                ], ["escalation.add"]
            ),
            (["escalation", "ack", "401"], ["escalation.ack"]),
            // The undo verbs take the same addresses as the others.
            (["escalation", "unack", "401"], ["escalation.unack"]),
            (["escalation", "ack", "401"], ["escalation.ack"]),
            (["escalation", "assign", "401", "--to", "Linus"], ["escalation.assign"]),
            (["escalation", "unassign", "401"], ["escalation.unassign"]),
            (["escalation", "assign", "401", "--to", "Linus"], ["escalation.assign"]),
            (["escalation", "resolve", "401", "--label", "Escalation::Response-Time"], ["escalation.resolve"]),
            (
                ["escalation", "add", "--id", "402", "--ticket", "6402", "--urgency", "timely", "--title", "B"],
                ["escalation.add"]
            ),
            (["escalation", "reject", "402", "--reason", "below threshold"], ["escalation.reject"]),
            (
                ["escalation", "add", "--id", "403", "--ticket", "6403", "--urgency", "urgent", "--title", "C"],
                ["escalation.add"]
            ),
            // Two records change (the escalation links the new emergency): one event each.
            (["escalation", "trigger", "403"], ["escalation.trigger", "emergency.trigger"]),
            (["emergency", "add", "--ticket", "7401", "--title", "D", "--engineer", "Linus"], ["emergency.add"]),
            (["emergency", "ack", "7401"], ["emergency.ack"]),
            (["emergency", "unack", "ticket#7401"], ["emergency.unack"]),
            (["emergency", "ack", "7401"], ["emergency.ack"]),
            (["emergency", "lead", "7401"], ["emergency.lead"]),
            (["emergency", "unlead", "ticket#7401"], ["emergency.unlead"]),
            (["emergency", "lead", "7401"], ["emergency.lead"]),
            (["emergency", "unstaff", "ticket#7401"], ["emergency.unstaff"]),
            (["emergency", "staff", "7401", "--engineer", "Ken"], ["emergency.staff"]),
            (["emergency", "flag", "7401", "compromised"], ["emergency.flag"]),
            (["emergency", "check", "7401", "audit-users"], ["emergency.checklist"]),
            (["emergency", "handoff", "7401", "--note", "over to you"], ["emergency.handoff"]),
            (["emergency", "resolve", "7401"], ["emergency.resolve"]),
        ]
        var seen = try shift.auditLog().count
        for step in steps {
            let result = try shift.run(step.verb)
            #expect(result.succeeded, "\(step.verb): \(result)")
            let log = try shift.auditLog()
            let added = Array(log.prefix(log.count - seen))
            seen = log.count
            #expect(
                Set(added.compactMap { $0["verb"] as? String }) == Set(step.audit) && added.count == step.audit.count,
                "\(step.verb) wrote \(added)")
            #expect(added.allSatisfy { $0["actor"] as? String == ShiftFixture.actor })
        }
        let all = try shift.statusObject(all: true)
        let escalations = objects(all["escalations"])
        #expect(escalations.first { $0["id"] as? Int == 401 }?["state"] as? String == "resolved")
        #expect(escalations.first { $0["id"] as? Int == 401 }?["labels"] as? [String] == ["Escalation::Response-Time"])
        #expect(escalations.first { $0["id"] as? Int == 402 }?["state"] as? String == "rejected")
        #expect(escalations.first { $0["id"] as? Int == 403 }?["emergency"] as? Int == 6403)
        let emergency = objects(all["emergencies"]).first { $0["ticket"] as? Int == 7401 }
        #expect(emergency?["state"] as? String == "resolved")
        #expect(emergency?["engineer"] as? String == "Ken")
        #expect(emergency?["lead"] as? String == ShiftFixture.nextManager)
        #expect(emergency?["compromised"] as? Bool == true)
        #expect(objects(emergency?["handoffs"]).first?["note"] as? String == "over to you")
    }

    @Test func refusedTransitionsExitNonZeroWithTheRulesMessageAndChangeNothing() throws {
        let shift = try ShiftFixture()
        try shift.ok(
            "escalation", "add", "--id", "88", "--ticket", "5088", "--urgency", "urgent", "--title", "Stuck")
        try shift.ok("escalation", "ack", "88", now: "2026-11-27T14:02:00Z")
        let before = try shift.auditLog().count
        let cases: [([String], Int32, String)] = [
            (["escalation", "ack", "88"], 1, "escalation 88 is already acknowledged by Ada Lovelace at 14:02 UTC"),
            (["escalation", "ack", "99"], 1, "99"),
            (["emergency", "lead", "12345"], 1, "12345"),
            (["emergency", "flag", "12345", "hacked"], 2, "unknown flag 'hacked'"),
            (["escalation", "add", "--id", "88", "--ticket", "1", "--urgency", "urgent", "--title", "x"], 1, "88"),
        ]
        for (verb, code, message) in cases {
            let result = try shift.run(verb, actor: "Grace Hopper")
            #expect(result.exitCode == code, "\(verb): \(result)")
            #expect(result.stderr.contains(message), "\(verb): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(verb): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(verb): \(result.stdout)")
        }
        let blank = try shift.run(["escalation", "reject", "88", "--reason", " "])
        #expect(!blank.succeeded && blank.stderr.contains("must not be empty"), "\(blank)")
        #expect(try shift.auditLog().count == before)
        let escalation = objects(try shift.statusObject()["escalations"]).first
        #expect(escalation?["acknowledged_by"] as? String == ShiftFixture.actor)
    }

    @Test func storeAndClockFromTheEnvironmentAndActorFromAs() throws {
        let shift = try ShiftFixture()
        let path = shift.directory.appendingPathComponent("env/oncall.sqlite").path
        let environment = ["ONCALL_STORE": path, "ONCALL_NOW": "2026-11-27T09:30:00Z"]
        let add = try shift.run(
            [
                "--as", "Scripted Sam", "escalation", "add", "--id", "5", "--ticket", "55", "--urgency", "timely",
                "--title", "From env",
            ],
            environment: environment, globals: false)
        #expect(add.succeeded, "\(add)")
        #expect(FileManager.default.fileExists(atPath: path))
        let status = try shift.run(["status", "--json"], environment: environment, globals: false)
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["now"] as? String == "2026-11-27T09:30:00Z")
        #expect(objects(object["escalations"]).first?["announced_at"] as? String == "2026-11-27T09:30:00Z")
        let log = try shift.run(["log", "--json"], environment: environment, globals: false)
        let events = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(events.first?["actor"] as? String == "Scripted Sam")
        // Without --as the actor is $USER (the fixture sets "e2e"); options win over the environment.
        _ = try shift.run(["escalation", "ack", "5"], environment: environment, globals: false)
        let after = try shift.run(["log", "--json", "--limit", "1"], environment: environment, globals: false)
        #expect(after.stdout.contains("\"actor\":\"e2e\""), "\(after.stdout)")
        let fixed = try shift.run(
            ["--now", "2026-11-27T10:00:00Z", "status", "--json"], environment: environment, globals: false)
        #expect(fixed.stdout.contains("\"now\":\"2026-11-27T10:00:00Z\""))
        let bad = try shift.run(
            ["status"], environment: ["ONCALL_STORE": path, "ONCALL_NOW": "yesterday"], globals: false)
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("ONCALL_NOW"))
    }

    @Test(arguments: [
        ["--store", "STORE", "--now", "2026-11-27T15:00:00Z", "status", "--json"],
        ["--store=STORE", "--now=2026-11-27T15:00:00Z", "status", "--json"],
        ["status", "--json", "--store", "STORE", "--now", "2026-11-27T15:00:00Z"],
        ["status", "--store", "STORE", "--json", "--now", "2026-11-27T15:00:00Z"],
    ])
    func globalOptionsGoBeforeOrAfterTheVerb(_ template: [String]) throws {
        let shift = try ShiftFixture()
        try shift.ok("notice", "add", "--title", "Placement")
        let arguments = template.map { $0.replacingOccurrences(of: "STORE", with: shift.store) }
        let result = try shift.run(arguments, globals: false)
        #expect(result.succeeded, "\(arguments): \(result)")
        #expect(result.stdout.contains("\"title\":\"Placement\""), "\(result.stdout)")
        #expect(result.stdout.contains("\"now\":\"2026-11-27T15:00:00Z\""))
    }
}
