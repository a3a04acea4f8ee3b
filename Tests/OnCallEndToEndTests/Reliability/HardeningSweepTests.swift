import Foundation
import GRDB
import OnCallRules
import Testing

@testable import OnCallStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 14's reproductions, many cases each, through the real binary (one long check, one `reliability:` line):
/// hostile config values, concurrent openers of an old store, store faults during import, files and links,
/// stores replaced underneath, unreadable rows, hostile imports, redirects, crashes in the dashboard.
@Suite(.serialized, .enabled(if: LongChecks.skipReason == nil, LongChecks.comment))
struct HardeningSweepTests {
    /// Cases tried and held, per item, in the order they ran.
    final class Tally {
        private(set) var items: [(name: String, tried: Int, held: Int)] = []

        func check(_ item: String, _ held: Bool, _ comment: @autoclosure () -> String = "") {
            if let index = items.firstIndex(where: { $0.name == item }) {
                items[index].tried += 1
                items[index].held += held ? 1 : 0
            } else {
                items.append((item, 1, held ? 1 : 0))
            }
            #expect(held, "\(item): \(comment())")
        }

        var tried: Int { items.map(\.tried).reduce(0, +) }
        var held: Int { items.map(\.held).reduce(0, +) }
    }

    static let v1Dump = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("OnCallStoreTests/Fixtures/schema-v1.sql")

    @Test func everyReproductionHolds() throws {
        let start = Date()
        let tally = Tally()
        try configValues(tally)
        try concurrentMigrations(tally)
        try importStoreFaults(tally)
        try filesAndLinks(tally)
        try replacedStores(tally)
        try unreadableRows(tally)
        try hostileImports(tally)
        try redirects(tally)
        try crashes(tally)
        let parts = tally.items.map { "\($0.name) \($0.held)/\($0.tried)" }.joined(separator: ", ")
        LongChecks.report(
            "hardening: \(grouped(tally.tried)) cases tried, \(grouped(tally.held)) held (\(parts)), "
                + "0 crashes or hangs allowed, \(Int(Date().timeIntervalSince(start).rounded())) s")
    }

    // MARK: the items

    /// Item 1: every duration and count, just above its range and at Int64.max: refused naming the key, fast.
    private func configValues(_ tally: Tally) throws {
        let shift = try ShiftFixture()
        try shift.ok("escalation", "add", "--id", "1", "--ticket", "2", "--urgency", "urgent", "--title", "x")
        let keys: [(table: String, key: String, maximum: Int)] = [
            ("escalation_minutes", "urgent", 525_600), ("escalation_minutes", "not-urgent", 525_600),
            ("emergency", "long_running_minutes", 525_600), ("risk", "warning_minutes", 525_600),
            ("alerts", "frt_build_up", 100_000), ("alerts", "active_emergencies", 100_000),
            ("upgrades", "notice_days_simple", 365), ("upgrades", "unassigned_hours", 8_760),
            ("dashboard", "poll_ms", 60_000),
        ]
        var cases = keys.flatMap { entry in
            [entry.maximum + 1, Int(Int64.max)].map { ("[\(entry.table)]\n\(entry.key) = \($0)", "\(entry.table).\(entry.key)") }
        }
        for plan in ["priority", "us-federal", "needs_org"] {
            cases.append(("[policies.\(plan)]\nhigh = { minutes = 1000000000000 }", "policies.\(plan).high.minutes"))
        }
        for (index, (toml, key)) in cases.enumerated() {
            let file = shift.directory.appendingPathComponent("config-\(index).toml")
            try Data(toml.utf8).write(to: file)
            let result = try shift.run(["--config", file.path, "status", "--json"])
            tally.check(
                "config ranges",
                result.exitCode == 2 && !result.timedOut && result.stderr.contains("\(key): "), "\(toml): \(result)")
        }
    }

    /// Item 3: rounds of six processes opening a fresh v1 store at once.
    private func concurrentMigrations(_ tally: Tally) throws {
        let dump = try String(contentsOf: Self.v1Dump, encoding: .utf8)
        for _ in 0..<12 {
            let shift = try ShiftFixture()
            try FileManager.default.createDirectory(
                atPath: (shift.store as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let queue = try DatabaseQueue(path: shift.store)
            try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
            try queue.close()
            let results = Results()
            let (arguments, environment) = (shift.arguments(["status", "--json"]), shift.environment)
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                results.add(try? ProcessRunner.run(arguments, environment: environment, timeout: 30))
            }
            let migrations = try StoreInspector(path: shift.store).strings(
                "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            tally.check(
                "concurrent migration",
                results.all.count == 6 && results.all.allSatisfy { $0?.succeeded == true }
                    && migrations == StoreSchema.migrator.migrations.sorted(),
                "\(results.all.compactMap { $0?.stderr })")
        }
    }

    /// Item 4: a locked store and a full disk during `import` exit 3.
    private func importStoreFaults(_ tally: Tally) throws {
        let shift = try ShiftFixture()
        try shift.ok("escalation", "add", "--id", "1", "--ticket", "2", "--urgency", "urgent", "--title", "x")
        let file = shift.directory.appendingPathComponent("t.json")
        try Data(Self.ticket(990_001, "locked or full").utf8).write(to: file)
        let holder = try DatabaseQueue(path: shift.store)
        var locked: RunResult?
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            locked = try shift.run(["import", "zendesk", file.path])
            try db.execute(sql: "ROLLBACK")
        }
        try holder.close()
        tally.check("import store faults exit 3", locked?.exitCode == 3, "\(String(describing: locked))")
        let command = (shift.arguments(["import", "zendesk", file.path])).map(shellQuote).joined(separator: " ")
        let full = try ProcessRunner.run(
            ["/bin/sh", "-c", "ulimit -f 4 && exec " + command], environment: shift.environment, timeout: 30)
        tally.check("import store faults exit 3", full.exitCode == 3, "\(full)")
    }

    /// Item 7: links, devices, directories and pipes at the store path.
    private func filesAndLinks(_ tally: Tally) throws {
        let shift = try ShiftFixture()
        try shift.ok("escalation", "add", "--id", "1", "--ticket", "2", "--urgency", "urgent", "--title", "x")
        let dir = shift.directory.path
        #expect(symlink(dir + "/nowhere.sqlite", dir + "/dangling.sqlite") == 0)
        #expect(symlink(shift.store, dir + "/link.sqlite") == 0)
        #expect(mkfifo(dir + "/fifo.sqlite", 0o600) == 0)
        try FileManager.default.createDirectory(atPath: dir + "/adir.sqlite", withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            (dir + "/dangling.sqlite", "symbolic link"), (dir + "/link.sqlite", "symbolic link"),
            ("/dev/null", "not a regular file"), ("/dev/zero", "not a regular file"),
            (dir + "/fifo.sqlite", "not a regular file"), (dir + "/adir.sqlite", "directory"),
        ]
        for (path, words) in cases {
            for verb in [["status"], ["escalation", "ack", "1"], ["import", "zendesk", "-"]] {
                let result = try ProcessRunner.run(
                    [shift.binary, "--store", path] + verb, environment: shift.environment, stdin: "{}", timeout: 20)
                tally.check(
                    "files and links", result.exitCode == 3 && result.stderr.contains(words), "\(path) \(verb): \(result)")
            }
        }
        tally.check("files and links", !FileManager.default.fileExists(atPath: dir + "/nowhere.sqlite"))
    }

    /// Item 5: another store moved over an open one; writes, polls and loads refused, neither file mixed.
    private func replacedStores(_ tally: Tally) throws {
        for round in 0..<10 {
            let shift = try ShiftFixture()
            try shift.ok("escalation", "add", "--id", "1", "--ticket", "2", "--urgency", "urgent", "--title", "x")
            let other = try ShiftFixture()
            try other.ok("escalation", "add", "--id", "9", "--ticket", "8", "--urgency", "timely", "--title", "y")
            let open = try Store(path: shift.store)
            _ = try open.loadBoard(now: Date())
            #expect(rename(other.store, shift.store) == 0)
            let refused = (try? open.perform { _ in Outcome(message: "round \(round)") }) == nil
            let polled = (try? open.hasExternalChanges()) == nil
            try open.close()
            let now = try shift.statusObject(all: true)
            let ids = (now["escalations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            let sound = try StoreInspector(path: shift.store).integrity() == ["ok"]
            tally.check("replaced store", refused && polled && ids == [9] && sound, "round \(round): \(ids)")
        }
    }

    /// Item 6: each kind of value another tool might write, in turn; the rest of the board still shows.
    private func unreadableRows(_ tally: Tally) throws {
        let damage: [(sql: String, table: String, id: Int)] = [
            ("UPDATE escalation SET urgency = 'critical' WHERE id = 2", "escalation", 2),
            ("UPDATE escalation SET state = 'frozen' WHERE id = 2", "escalation", 2),
            ("UPDATE escalation SET labels = '{not json' WHERE id = 2", "escalation", 2),
            ("UPDATE escalation SET announcedAt = 'yesterday' WHERE id = 2", "escalation", 2),
            ("UPDATE emergency SET state = 'paused' WHERE id = 7002", "emergency", 7002),
            ("UPDATE emergency SET handoffs = '[1,2' WHERE id = 7002", "emergency", 7002),
            ("UPDATE ticket SET status = 'limbo' WHERE id = 5003", "ticket", 5003),
            ("UPDATE ticket SET priority = 'p0' WHERE id = 5003", "ticket", 5003),
        ]
        for (sql, table, id) in damage {
            let shift = try ShiftFixture()
            for n in 1...2 {
                try shift.ok(
                    "escalation", "add", "--id", "\(n)", "--ticket", "\(100 + n)", "--urgency", "urgent", "--title", "e\(n)")
                try shift.ok("emergency", "add", "--ticket", "\(7000 + n)", "--title", "m\(n)")
                try shift.ok(
                    "ticket", "add", "--id", "\(5002 + n)", "--subject", "t\(n)", "--priority", "high", "--created",
                    "2026-11-27T14:00:00Z", "--org", "Org")
            }
            let queue = try DatabaseQueue(path: shift.store)
            try queue.write { db in try db.execute(sql: sql) }
            try queue.close()
            let result = try shift.run(["status", "--json"])
            let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
            let listed = (object["unreadable"] as? [[String: Any]] ?? []).contains {
                $0["table"] as? String == table && $0["id"] as? Int == id
            }
            let others = (object["escalations"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == 1 }
            let acted = try shift.run(["escalation", "ack", "1"]).succeeded
            tally.check("unreadable rows", result.succeeded && listed && others && acted, "\(sql): \(result)")
        }
    }

    /// Items 9 and 10: huge text, NUL, ids 0 and below.
    private func hostileImports(_ tally: Tally) throws {
        let shift = try ShiftFixture()
        func imported(_ json: String) throws -> RunResult {
            let file = shift.directory.appendingPathComponent("i-\(UUID().uuidString).json")
            try Data(json.utf8).write(to: file)
            return try shift.run(["import", "zendesk", file.path])
        }
        for size in [10_001, 1_000_000, 20_000_000] {
            let id = 990_100 + size % 97
            let result = try imported(Self.ticket(id, String(repeating: "s", count: size)))
            let stored = try StoreInspector(path: shift.store).strings(
                "SELECT subject FROM ticket WHERE id = \(id)")
            tally.check(
                "import caps", result.succeeded && stored.first?.count == 10_000
                    && result.stderr.contains("ticket \(id): the subject was"), "\(size)")
        }
        for (index, text) in [#"a\u0000b"#, #"\u0000"#, #"x\u0000\u0000y"#].enumerated() {
            let json = Self.ticket(990_200 + index, text)
            _ = try imported(json)
            let again = try imported(json)
            tally.check("NUL and ids", again.stdout.contains("0 updated, 1 unchanged"), "\(text): \(again)")
        }
        for id in [0, -1, Int(Int64.min)] {
            let result = try imported(Self.ticket(id, "bad id"))
            let count = try StoreInspector(path: shift.store).count("SELECT count(*) FROM ticket WHERE id <= 0")
            tally.check(
                "NUL and ids", result.succeeded && count == 0 && result.stderr.contains("ticket \(id): the id must"),
                "\(id): \(result)")
        }
    }

    /// Item 11: every redirect status: a failure naming the host, and nothing sent to the host it names.
    private func redirects(_ tally: Tally) throws {
        for status in [301, 302, 303, 307, 308] {
            let shift = try ShiftFixture()
            try shift.ok("escalation", "add", "--id", "1", "--ticket", "6501", "--urgency", "urgent", "--title", "x")
            let elsewhere = try LocalHTTPServer(status: 202, acceptTimeout: 1)
            let server = try LocalHTTPServer(status: status, location: "http://localhost:\(elsewhere.port)/")
            let config = shift.directory.appendingPathComponent("pd.toml")
            try Data(
                "[pagerduty]\nevents_url = \"http://127.0.0.1:\(server.port)/v2/enqueue\"\nrouting_key_env = \"PD_K\"\n"
                    .utf8
            ).write(to: config)
            let result = try shift.run(
                ["--config", config.path, "escalation", "trigger", "1"], environment: ["PD_K": "key-\(status)"])
            _ = server.wait(timeout: 5)
            tally.check(
                "redirects", result.exitCode == 5 && result.stderr.contains("not paged: redirected to localhost")
                    && elsewhere.wait(timeout: 3) == nil, "\(status): \(result)")
        }
    }

    /// Item 2: fatal signals in the dashboard give the terminal back.
    private func crashes(_ tally: Tally) throws {
        for signal in [SIGSEGV, SIGABRT, SIGILL] {
            let shift = try ShiftFixture()
            try shift.ok("escalation", "add", "--id", "1", "--ticket", "2", "--urgency", "urgent", "--title", "Crash me")
            var environment = shift.environment
            environment["TERM"] = "tmux-256color"
            let script = "before=$(stty -g); " + shift.dashboardCommand() + "; echo exit=$?; "
                + "if [ \"$(stty -g)\" = \"$before\" ]; then echo modes-restored; else echo modes-changed; fi; sleep 30"
            let session = try TmuxSession(
                width: 100, height: 30, environment: environment, command: "/bin/sh -c \(shellQuote(script))")
            defer { session.kill() }
            guard try session.waitFor("Crash me", timeout: 15).matched else {
                tally.check("crash restores the terminal", false, "the dashboard did not start")
                continue
            }
            let shell = try session.display("#{pane_pid}")
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            if let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) { kill(pid, signal) }
            let back = try session.waitUntil(timeout: 10) { $0.contains("modes-") }
            let alternate = try session.display("#{alternate_on}")
            let cursor = try session.display("#{cursor_flag}")
            let restored =
                back.screen.contains("modes-restored") && back.screen.contains("exit=\(128 + signal)")
                && alternate == "0" && cursor == "1"
            tally.check("crash restores the terminal", restored, "signal \(signal):\n\(back.screen)")
        }
    }

    static func ticket(_ id: Int, _ subject: String) -> String {
        #"{"ticket": {"id": \#(id), "subject": "\#(subject)", "status": "new", "priority": "normal", "#
            + #""created_at": "2026-11-27T14:00:00Z"}}"#
    }
}

/// Results collected from concurrent runs.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [RunResult?] = []
    func add(_ result: RunResult?) { lock.withLock { list.append(result) } }
    var all: [RunResult?] { lock.withLock { list } }
}
