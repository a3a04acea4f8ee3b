import Foundation
import OnCallDemo
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 6, concurrency: two dashboards in tmux, a CLI loop (two writers at a time, conflicting on purpose) and
/// an import loop on one store for at least 60 s. No crash, no lost update, no "database is locked" reaching a
/// user, every refusal explained by the rules; at the end both dashboards show what `oncall status` shows.
@Suite(.serialized, .enabled(if: LongChecks.skipReason == nil && OnCallBinary.isAvailable, LongChecks.comment))
struct ConcurrencySoakTests {
    static let seconds = ProcessInfo.processInfo.environment["ONCALL_SOAK_SECONDS"].flatMap { Double($0) } ?? 60
    static let escalations = 201...230

    struct Action {
        var verb: [String]
        var actor: String
        /// The owner an `assign` sets, to check the last one won.
        var owner: String?
        var isImport = false
        /// For imports: the ticket ids and the subject prefix they carry.
        var batch: (ids: ClosedRange<Int>, subject: String)?
    }

    @Test func dashboardsCLIAndImportsShareOneStore() throws {
        let shift = try ShiftFixture()
        try shift.seedRota()
        for id in Self.escalations {
            try shift.cli(
                "escalation", "add", "--id", "\(id)", "--ticket", "\(id + 5000)", "--urgency", "timely", "--title",
                "Soak escalation \(id)", "--customer", "Soak Corp")
        }
        try shift.cli("emergency", "add", "--ticket", "7001", "--title", "Soak emergency", "--engineer", "Linus")
        let work = shift.directory.appendingPathComponent("soak")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let dashboardA = try shift.startDashboard(width: 160, height: 50)
        defer { dashboardA.kill() }
        let dashboardB = try shift.startDashboard(width: 160, height: 50)
        defer { dashboardB.kill() }
        for session in [dashboardA, dashboardB] {
            #expect(try session.waitFor("Soak escalation", timeout: 15).matched, "\(session.screenText)")
        }

        var random = SplitMix64(seed: 0x50A4)
        var actorNumber = 0
        var nextEscalation = 1_000
        var batches: [ClosedRange<Int>] = []
        var importRound = 0
        func nextCLIAction() -> Action {
            actorNumber += 1
            let actor = "s\(actorNumber)"
            let id = Self.escalations.lowerBound + Int(random.next() % UInt64(Self.escalations.count))
            switch random.next() % 8 {
            case 0: return Action(verb: ["escalation", "ack", "\(id)"], actor: actor)
            case 1, 2:
                let owner = "Owner \(actor)"
                return Action(verb: ["escalation", "assign", "\(id)", "--to", owner], actor: actor, owner: owner)
            case 3:
                return Action(verb: ["escalation", "resolve", "\(id)", "--comment", "done by \(actor)"], actor: actor)
            case 4:
                return Action(verb: ["escalation", "reject", "\(id)", "--reason", "not urgent \(actor)"], actor: actor)
            case 5:
                nextEscalation += 1
                return Action(
                    verb: [
                        "escalation", "add", "--id", "\(nextEscalation)", "--ticket", "\(nextEscalation)", "--urgency",
                        "urgent", "--title", "Soak new \(nextEscalation)",
                    ],
                    actor: actor)
            case 6: return Action(verb: ["notice", "add", "--title", "Soak notice \(actor)"], actor: actor)
            default:
                return Action(
                    verb: ["emergency", "handoff", "7001", "--to", "Next \(actor)", "--note", "soak note \(actor)"],
                    actor: actor)
            }
        }
        func nextImport() throws -> Action {
            actorNumber += 1
            importRound += 1
            // Every other round re-imports an earlier batch with new subjects (updates), else a new batch.
            let ids: ClosedRange<Int>
            if importRound % 2 == 0, !batches.isEmpty {
                ids = batches[Int(random.next() % UInt64(batches.count))]
            } else {
                let first = 2_000_000 + batches.count * 100
                ids = first...(first + 39)
                batches.append(ids)
            }
            let subject = "Soak import round \(importRound)"
            let path = work.appendingPathComponent("import-\(importRound).json").path
            // Each round's source time is later than the last, so the merge takes its subjects (it keeps the
            // stored record against an older source, by design).
            let updated = ISO8601DateFormatter().string(
                from: Date(timeIntervalSince1970: 1_795_000_000 + Double(importRound) * 60))
            let tickets = ids.map { id in
                #"{"id":\#(id),"subject":"\#(subject) #\#(id)","status":"open","priority":"normal","#
                    + #""created_at":"2026-11-27T14:00:00Z","updated_at":"\#(updated)"}"#
            }
            try Data((#"{"tickets":["# + tickets.joined(separator: ",") + "]}").utf8).write(
                to: URL(fileURLWithPath: path))
            return Action(
                verb: ["import", "zendesk", "--json", path], actor: "s\(actorNumber)", isImport: true,
                batch: (ids, subject))
        }

        var running: [(action: Action, child: ChildProcess)] = []
        var finished: [(action: Action, result: RunResult)] = []
        var dashboardKeys = 0
        var spawned = 0
        let started = Date()
        var lastKey = Date.distantPast
        var lastAliveCheck = Date()
        var deaths: [String] = []
        while Date().timeIntervalSince(started) < Self.seconds || !running.isEmpty {
            let stillGoing = Date().timeIntervalSince(started) < Self.seconds
            if stillGoing {
                while running.filter({ !$0.action.isImport }).count < 2 {
                    let action = nextCLIAction()
                    running.append(
                        (
                            action,
                            try ChildProcess(
                                shift.arguments(action.verb, actor: action.actor), environment: shift.environment,
                                directory: work, name: "a\(spawned)", timeout: 60)
                        ))
                    spawned += 1
                }
                if !running.contains(where: { $0.action.isImport }) {
                    let action = try nextImport()
                    running.append(
                        (
                            action,
                            try ChildProcess(
                                shift.arguments(action.verb, actor: action.actor), environment: shift.environment,
                                directory: work, name: "a\(spawned)", timeout: 60)
                        ))
                    spawned += 1
                }
                // Dashboard A works too: next escalation, acknowledge it (refusals show on its screen).
                if Date().timeIntervalSince(lastKey) > 1.5 {
                    lastKey = Date()
                    try dashboardA.sendKeys("2")
                    try dashboardA.sendKeys("Down")
                    try dashboardA.sendKeys("a")
                    dashboardKeys += 3
                }
                if Date().timeIntervalSince(lastAliveCheck) > 5 {
                    lastAliveCheck = Date()
                    for (name, session) in [("A", dashboardA), ("B", dashboardB)] where try session.isDead() {
                        deaths.append("dashboard \(name) died:\n\(try session.captureAll())")
                    }
                }
            }
            var still: [(action: Action, child: ChildProcess)] = []
            for entry in running {
                if let result = entry.child.poll() {
                    finished.append((entry.action, result))
                } else {
                    still.append(entry)
                }
            }
            running = still
            usleep(5_000)
        }
        let elapsed = Date().timeIntervalSince(started)

        // Every outcome: success, or a refusal the rules explain. Never a store error, never a crash.
        var successes = 0
        var refusals = 0
        var failures: [String] = []
        for (action, result) in finished {
            if result.succeeded {
                successes += 1
                continue
            }
            let message = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            let lowered = message.lowercased()
            let explained =
                !action.isImport && (result.exitCode == 1 || result.exitCode == 2) && message.hasPrefix("oncall: ")
                && !message.contains("\n") && !lowered.contains("locked") && !lowered.contains("sqlite")
                && !lowered.contains("database")
            if explained {
                refusals += 1
            } else {
                failures.append("\(action.actor) oncall \(action.verb.joined(separator: " ")): \(result)")
            }
        }
        #expect(deaths.isEmpty, "\(deaths)")
        #expect(failures.isEmpty, "not explained by the rules:\n\(failures.prefix(10).joined(separator: "\n"))")

        // Nothing lost: every success has its audit event; the last assign of each escalation is its owner; each
        // imported batch carries the subjects of the last import of it that succeeded.
        let inspector = try StoreInspector(path: shift.store)
        var lost: [String] = []
        var plannedOwner: [String: String] = [:]
        for (action, result) in finished where result.succeeded && !action.isImport {
            if try inspector.count("SELECT count(*) FROM audit WHERE actor = ?", [action.actor]) == 0 {
                lost.append("\(action.actor): no audit event")
            }
            if let owner = action.owner { plannedOwner[action.actor] = owner }
        }
        for id in Self.escalations {
            let lastAssign = try inspector.strings(
                "SELECT actor FROM audit WHERE targetKind = 'escalation' AND targetId = ? AND verb = 'escalation.assign'"
                    + " ORDER BY id DESC LIMIT 1", [id]
            ).first
            guard let lastAssign, let owner = plannedOwner[lastAssign] else { continue }
            let stored = try inspector.strings("SELECT owner FROM escalation WHERE id = ?", [id]).first
            if stored != owner { lost.append("escalation \(id): owner \(stored ?? "nil"), last assigned \(owner)") }
        }
        var lastSubject: [Int: String] = [:]
        for (action, result) in finished where result.succeeded && action.isImport {
            if let batch = action.batch { for id in batch.ids { lastSubject[id] = "\(batch.subject) #\(id)" } }
        }
        for (id, subject) in lastSubject {
            let stored = try inspector.strings("SELECT subject FROM ticket WHERE id = ?", [id]).first
            if stored != subject { lost.append("ticket \(id): '\(stored ?? "missing")', last imported '\(subject)'") }
        }
        #expect(lost.isEmpty, "lost updates:\n\(lost.prefix(10).joined(separator: "\n"))")
        let integrity = try inspector.integrity()
        #expect(integrity == ["ok"])

        // Both dashboards converge on the store: counts in their titles match `oncall status`, and B (untouched
        // by keys) draws exactly what a dashboard opened now draws.
        let open =
            try JSONSerialization.jsonObject(
                with: Data(try shift.cli("status", "--json").stdout.utf8)) as? [String: Any] ?? [:]
        let emergencies = (open["emergencies"] as? [Any])?.count ?? -1
        let escalations = (open["escalations"] as? [Any])?.count ?? -1
        let expected = ["oncall: \(emergencies) emergenc", "· \(escalations) escalation"]
        var titles: [String] = []
        for session in [dashboardA, dashboardB] {
            let deadline = Date().addingTimeInterval(10)
            var title = try session.display("#{pane_title}")
            while !expected.allSatisfy({ title.contains($0) }) && Date() < deadline {
                usleep(200_000)
                title = try session.display("#{pane_title}")
            }
            titles.append(title)
            #expect(expected.allSatisfy { title.contains($0) }, "title '\(title)', status says \(expected)")
        }
        #expect(titles.count == 2 && titles[0] == titles[1], "the dashboards disagree: \(titles)")
        let fresh = try shift.startDashboard(width: 160, height: 50)
        defer { fresh.kill() }
        let freshTitle = try fresh.waitUntil(timeout: 15) { _ in
            ((try? fresh.display("#{pane_title}")) ?? "") == titles.last
        }
        #expect(freshTitle.matched, "a fresh dashboard's title is not \(titles.last ?? ""):\n\(freshTitle.screen)")
        // B's selection followed its item and scrolled with it, where a fresh dashboard starts at the top: the same
        // keys put both at the top of every pane before comparing.
        for session in [dashboardB, fresh] {
            for key in ["3", "Home", "2", "Home", "1", "Home"] { try session.sendKeys(key) }
        }
        var same = false
        let deadline = Date().addingTimeInterval(10)
        var screens = ("", "")
        while !same && Date() < deadline {
            usleep(300_000)
            // The selection marker follows B's selected item, where a fresh dashboard selects the first row.
            screens = (
                try dashboardB.capture().replacingOccurrences(of: "›", with: " "),
                try fresh.capture().replacingOccurrences(of: "›", with: " ")
            )
            same = screens.0 == screens.1
        }
        let linesB = screens.0.split(separator: "\n", omittingEmptySubsequences: false)
        let linesFresh = screens.1.split(separator: "\n", omittingEmptySubsequences: false)
        let differing = zip(linesB, linesFresh).enumerated().filter { $0.element.0 != $0.element.1 }
            .map { "row \($0.offset):\n  B:     \($0.element.0)\n  fresh: \($0.element.1)" }
        #expect(same, "dashboard B differs from a fresh one:\n\(differing.prefix(8).joined(separator: "\n"))")
        for session in [dashboardA, dashboardB, fresh] {
            try session.sendKeys("q")
            #expect(try session.waitForExit(timeout: 10), "q did not exit:\n\(session.screenText)")
        }

        let imports = finished.filter(\.action.isImport).count
        LongChecks.report(
            "concurrency soak: \(Int(elapsed)) s, 2 dashboards (\(dashboardKeys) keys sent to one), "
                + "\(grouped(finished.count - imports)) CLI actions (\(successes - imports) done, \(refusals) refused "
                + "with a rule's reason), \(imports) imports, \(failures.count) store errors or crashes, "
                + "\(lost.count) lost updates, dashboards agree with status: \(titles.first ?? "?"), "
                + "integrity \(integrity == ["ok"] ? "ok" : "\(integrity)")")
    }
}
