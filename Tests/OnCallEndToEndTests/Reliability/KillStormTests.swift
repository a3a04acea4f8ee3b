import Foundation
import OnCallDemo
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Durability (issue 6, "survives a power cut"): the store opens every connection with `synchronous=FULL` in WAL
// mode (`Store.init`, checked by `StoreTransactionTests.durableSettings`). In WAL mode a commit is the append
// of its frames to the -wal file; with FULL, SQLite fsyncs the WAL at every commit before `COMMIT` returns,
// and the CLI prints its success line only after `Store.perform` returned. So any action that reported
// success is on stable storage: a power cut after the message can lose nothing, and one before it loses the
// whole transaction (no half-written record: the record, its revision and its audit event share one
// transaction). `synchronous=NORMAL` would be faster but can drop the last commits on a power cut (the WAL is
// fsynced only at checkpoints), which is exactly "an acknowledgement that disappears". A SIGKILL, unlike a power
// cut, leaves the OS page cache intact, so this storm checks atomicity and the WAL recovery path; the fsync
// argument above covers the power cut.

/// Issue 6, crash safety: CLI writers and importers killed with SIGKILL at random moments during a burst of
/// more than 1,000 actions and imports; then nothing reported done is missing and nothing is half-written.
@Suite(.serialized, .enabled(if: LongChecks.skipReason == nil, LongChecks.comment))
struct KillStormTests {
    /// One CLI invocation of the storm and what must hold if it reports success.
    struct Step {
        var verb: [String]
        var actor: String
        /// The record it targets (`kind`, id), nil id when the store assigns it (notice, rota, cover).
        var kind: String
        var id: Int?
        /// A `SELECT count(*)` that is at least 1 once this step's effect is stored; `?` bound to `arguments`.
        var check: (sql: String, arguments: [String])?
        /// A generated import: its file, the ticket ids it creates, and whether it is truncated (must fail).
        var batch: Batch?
        /// An import of a vendor sample (its copy's path).
        var fixtureImport: String?
    }

    struct Batch {
        var path: String
        var ids: ClosedRange<Int>
        var truncated: Bool
    }

    static let parallel = 6
    static let seed: UInt64 = 0x5EED_0006
    static let killProbability = 0.09

    @Test func killStormLosesNothing() throws {
        let shift = try ShiftFixture()
        let work = shift.directory.appendingPathComponent("storm")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try shift.cli("notice", "add", "--title", "storm baseline")  // creates the store before the storm
        var random = SplitMix64(seed: Self.seed)
        var chains = try Self.chains(work: work, random: &random)
        let totalSteps = chains.reduce(0) { $0 + $1.count }

        struct Done {
            var step: Step
            var result: RunResult
            var killed: Bool
        }
        var done: [Done] = []
        var running: [(chain: Int, step: Step, child: ChildProcess)] = []
        var busy = Set<Int>()
        var noticeIds: [Int: Int] = [:]  // chain -> notice id its `add` reported
        var spawned = 0
        let stormDeadline = Date().addingTimeInterval(420)
        let started = Date()

        while !(chains.allSatisfy(\.isEmpty) && running.isEmpty) {
            #expect(Date() < stormDeadline, "the storm did not finish in time")
            if Date() >= stormDeadline { break }
            // Fill free slots with the next step of a random idle chain (a chain's steps run in order).
            while running.count < Self.parallel {
                let idle = chains.indices.filter { !chains[$0].isEmpty && !busy.contains($0) }
                guard !idle.isEmpty else { break }
                let chain = idle[Int(random.next() % UInt64(idle.count))]
                var step = chains[chain].removeFirst()
                if step.verb.contains("{notice}") {
                    guard let id = noticeIds[chain] else { continue }  // its `add` did not report an id
                    step.verb = step.verb.map { $0 == "{notice}" ? "\(id)" : $0 }
                    step.id = id
                }
                let kill = Double(random.next() % 10_000) / 10_000 < Self.killProbability
                let killAfter = kill ? Double(random.next() % 400) / 1000 : nil
                let child = try ChildProcess(
                    shift.arguments(step.verb, actor: step.actor), environment: shift.environment, directory: work,
                    name: "step\(spawned)", killAfter: killAfter, timeout: 60)
                spawned += 1
                busy.insert(chain)
                running.append((chain, step, child))
            }
            var still: [(chain: Int, step: Step, child: ChildProcess)] = []
            for entry in running {
                if let result = entry.child.poll() {
                    busy.remove(entry.chain)
                    done.append(Done(step: entry.step, result: result, killed: entry.child.wasKilled))
                    if result.succeeded, entry.step.verb.starts(with: ["notice", "add"]),
                        let id = Self.noticeId(result.stdout)
                    {
                        noticeIds[entry.chain] = id
                    }
                } else {
                    still.append(entry)
                }
            }
            running = still
            usleep(2_000)
        }
        for entry in running { _ = entry.child.wait() }
        let seconds = Date().timeIntervalSince(started)

        // What held.
        let inspector = try StoreInspector(path: shift.store)
        let integrity = try inspector.integrity()
        #expect(integrity == ["ok"], "integrity_check: \(integrity)")

        var lost: [String] = []
        var halfWritten: [String] = []
        let successes = done.filter { $0.result.succeeded }
        let kills = done.filter(\.killed).count
        let refusals = done.filter { !$0.result.succeeded && !$0.killed }
        for entry in successes {
            let step = entry.step
            let label = "\(step.actor): oncall \(step.verb.prefix(3).joined(separator: " "))"
            if let batch = step.batch {
                let stored = try inspector.count(
                    "SELECT count(*) FROM ticket WHERE id BETWEEN ? AND ?",
                    [batch.ids.lowerBound, batch.ids.upperBound])
                let events = try inspector.count("SELECT count(*) FROM audit WHERE note = ?", ["from \(batch.path)"])
                if batch.truncated || stored != batch.ids.count || events != batch.ids.count {
                    lost.append("\(label): \(stored)/\(batch.ids.count) tickets, \(events) audit events")
                }
                continue
            }
            if let path = step.fixtureImport {
                let summaries =
                    try JSONSerialization.jsonObject(with: Data(entry.result.stdout.utf8)) as? [[String: Any]]
                let written = (summaries ?? []).reduce(0) {
                    $0 + (($1["new"] as? Int) ?? 0) + (($1["updated"] as? Int) ?? 0)
                }
                let events = try inspector.count("SELECT count(*) FROM audit WHERE note = ?", ["from \(path)"])
                if events != written { lost.append("\(label) \(path): \(written) written, \(events) audit events") }
                continue
            }
            let events = try inspector.count("SELECT count(*) FROM audit WHERE actor = ?", [step.actor])
            let aimed = try inspector.count(
                "SELECT count(*) FROM audit WHERE actor = ? AND targetKind = ?"
                    + (step.id == nil ? "" : " AND targetId = ?"),
                StatementArguments([step.actor, step.kind] + (step.id.map { [$0] } ?? [])))
            if events == 0 || aimed != events { lost.append("\(label): \(events) audit events, \(aimed) on target") }
            if let check = step.check, try inspector.count(check.sql, StatementArguments(check.arguments)) == 0 {
                lost.append("\(label): its effect is not in the store (\(check.sql) \(check.arguments))")
            }
        }
        // A refused (not killed) action wrote nothing.
        for entry in refusals where entry.step.batch == nil && entry.step.fixtureImport == nil {
            let events = try inspector.count("SELECT count(*) FROM audit WHERE actor = ?", [entry.step.actor])
            if events > 0 { halfWritten.append("refused \(entry.step.actor) has \(events) audit events") }
            let message = entry.result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!message.isEmpty, "a refusal without a message: \(entry.result)")
        }
        // Every generated import, killed or not, is all there or not at all.
        for entry in done {
            guard let batch = entry.step.batch else { continue }
            let stored = try inspector.count(
                "SELECT count(*) FROM ticket WHERE id BETWEEN ? AND ?", [batch.ids.lowerBound, batch.ids.upperBound])
            if stored != 0 && stored != batch.ids.count {
                halfWritten.append("import \(batch.path): \(stored) of \(batch.ids.count) tickets")
            }
            if batch.truncated && (entry.result.succeeded || stored != 0) {
                halfWritten.append("truncated import \(batch.path) was applied: \(entry.result)")
            }
        }
        let withoutAudit = try inspector.recordsWithoutAudit()
        let auditOrphans = try inspector.auditWithoutRecord()
        #expect(withoutAudit.isEmpty, "records without an audit event: \(withoutAudit)")
        #expect(auditOrphans.isEmpty, "audit events without their record: \(auditOrphans)")
        #expect(lost.isEmpty, "reported done but not stored:\n\(lost.prefix(20).joined(separator: "\n"))")
        #expect(halfWritten.isEmpty, "half-written:\n\(halfWritten.prefix(20).joined(separator: "\n"))")

        // The same through the CLI a user would run: the log and status agree with the file.
        let log = try shift.cli("log", "--json", "--limit", "100000")
        let events = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(events.count == (try inspector.count("SELECT count(*) FROM audit")))
        let loggedActors = Set(events.compactMap { $0["actor"] as? String })
        let actionSuccesses = successes.filter { $0.step.batch == nil && $0.step.fixtureImport == nil }
        let missingFromLog = actionSuccesses.filter { !loggedActors.contains($0.step.actor) }
        #expect(missingFromLog.isEmpty, "successes missing from `oncall log`: \(missingFromLog.map(\.step.actor))")
        let status = try shift.status()
        for (key, table) in [("escalations", "escalation"), ("emergencies", "emergency"), ("notices", "notice")] {
            let shown = (status[key] as? [[String: Any]] ?? []).count
            #expect(shown == (try inspector.count("SELECT count(*) FROM \(table)")), "status --all \(key)")
        }
        for entry in actionSuccesses where ["escalation", "emergency"].contains(entry.step.kind) {
            let key = entry.step.kind == "escalation" ? "escalations" : "emergencies"
            let field = entry.step.kind == "escalation" ? "id" : "ticket"
            let shown = (status[key] as? [[String: Any]] ?? []).contains { ($0[field] as? Int) == entry.step.id }
            if !shown { lost.append("\(entry.step.actor): \(entry.step.kind) \(entry.step.id ?? 0) not in status") }
        }
        #expect(lost.isEmpty)

        let imports = done.filter { $0.step.batch != nil || $0.step.fixtureImport != nil }.count
        let locked = refusals.filter { $0.result.stderr.contains("locked") }.count
        LongChecks.report(
            "kill storm: \(grouped(done.count)) of \(grouped(totalSteps)) planned actions and imports "
                + "(\(grouped(imports)) imports), \(grouped(successes.count)) reported done, \(kills) kills, "
                + "\(refusals.count) refused (\(locked) of them 'locked'), \(lost.count) lost, \(halfWritten.count) half-written, "
                + "integrity \(integrity == ["ok"] ? "ok" : integrity.joined(separator: "; ")), "
                + "\(Int(seconds)) s")
        #expect(done.count >= 1_000)
        #expect(kills >= 20, "too few kills landed to mean anything: \(kills)")
    }

    static func noticeId(_ output: String) -> Int? {
        // "notice 12 added (security)"
        let words = output.split(separator: " ")
        guard words.count > 1, words[0] == "notice" else { return nil }
        return Int(words[1])
    }

    /// The storm's plan: chains of steps on distinct records, plus generated and sample imports.
    static func chains(work: URL, random: inout SplitMix64) throws -> [[Step]] {
        var chains: [[Step]] = []
        var actor = 0
        func next() -> String {
            actor += 1
            return "w\(actor)"
        }
        let from = "2026-11-27T15:00:00Z"
        for index in 0..<70 {
            let id = 60_001 + index
            let finish: Step =
                index % 3 == 0
                ? Step(
                    verb: ["escalation", "reject", "\(id)", "--reason", "below threshold \(id)"], actor: next(),
                    kind: "escalation", id: id,
                    check: (
                        "SELECT count(*) FROM escalation WHERE id = ? AND state = 'rejected' AND rejectionReason = ?",
                        ["\(id)", "below threshold \(id)"]
                    ))
                : Step(
                    verb: [
                        "escalation", "resolve", "\(id)", "--comment", "next step underway \(id)", "--label", "l\(id)",
                    ],
                    actor: next(), kind: "escalation", id: id,
                    check: (
                        "SELECT count(*) FROM escalation WHERE id = ? AND state = 'resolved' AND resolutionComment = ?",
                        ["\(id)", "next step underway \(id)"]
                    ))
            chains.append([
                Step(
                    verb: [
                        "escalation", "add", "--id", "\(id)", "--ticket", "\(id + 100_000)", "--urgency",
                        ["urgent", "timely", "not-urgent"][index % 3], "--title", "Storm escalation \(id)",
                        "--customer",
                        "Customer \(index)",
                    ],
                    actor: next(), kind: "escalation", id: id,
                    check: (
                        "SELECT count(*) FROM escalation WHERE id = ? AND title = ?",
                        ["\(id)", "Storm escalation \(id)"]
                    )),
                Step(
                    verb: ["escalation", "ack", "\(id)"], actor: next(), kind: "escalation", id: id,
                    check: ("SELECT count(*) FROM escalation WHERE id = ? AND acknowledgedBy IS NOT NULL", ["\(id)"])),
                Step(
                    verb: ["escalation", "assign", "\(id)", "--to", "Engineer \(id)"], actor: next(),
                    kind: "escalation",
                    id: id,
                    check: ("SELECT count(*) FROM escalation WHERE id = ? AND owner = ?", ["\(id)", "Engineer \(id)"])),
                finish,
            ])
        }
        for index in 0..<45 {
            let id = 70_001 + index
            let note = "bridge at 16:30, step \(id)"
            chains.append([
                Step(
                    verb: [
                        "emergency", "add", "--ticket", "\(id)", "--title", "Storm emergency \(id)", "--customer",
                        "Customer \(index)", "--engineer", "Oncall \(index)",
                    ],
                    actor: next(), kind: "emergency", id: id,
                    check: (
                        "SELECT count(*) FROM emergency WHERE id = ? AND title = ?", ["\(id)", "Storm emergency \(id)"]
                    )),
                Step(
                    verb: ["emergency", "ack", "\(id)"], actor: next(), kind: "emergency", id: id,
                    check: (
                        "SELECT count(*) FROM emergency WHERE id = ? AND engineerAcknowledgedAt IS NOT NULL", ["\(id)"]
                    )),
                Step(verb: ["emergency", "lead", "\(id)"], actor: next(), kind: "emergency", id: id, check: nil),
                Step(
                    verb: ["emergency", "handoff", "\(id)", "--to", "Next Manager \(index)", "--note", note],
                    actor: next(),
                    kind: "emergency", id: id,
                    check: ("SELECT count(*) FROM emergency WHERE id = ? AND instr(handoffs, ?) > 0", ["\(id)", note])),
                Step(
                    verb: ["emergency", "flag", "\(id)", "compromised"], actor: next(), kind: "emergency", id: id,
                    check: ("SELECT count(*) FROM emergency WHERE id = ? AND compromised = 1", ["\(id)"])),
                Step(
                    verb: ["emergency", "check", "\(id)", "restore-backup"], actor: next(), kind: "emergency", id: id,
                    check: (
                        "SELECT count(*) FROM emergency WHERE id = ? AND instr(checklistDone, 'restore-backup') > 0",
                        ["\(id)"]
                    )),
                Step(
                    verb: ["emergency", "resolve", "\(id)"], actor: next(), kind: "emergency", id: id,
                    check: ("SELECT count(*) FROM emergency WHERE id = ? AND state = 'resolved'", ["\(id)"])),
            ])
        }
        for index in 0..<30 {
            let id = 80_001 + index
            chains.append([
                Step(
                    verb: [
                        "upgrade", "add", "--ticket", "\(id)", "--customer", "Upgrader \(index)", "--scheduled",
                        "2026-12-0\(1 + index % 9)T10:00:00Z",
                    ],
                    actor: next(), kind: "upgrade", id: id,
                    check: (
                        "SELECT count(*) FROM upgrade WHERE id = ? AND customer = ?", ["\(id)", "Upgrader \(index)"]
                    )),
                Step(
                    verb: ["upgrade", "assign", "\(id)", "--engineer", "Upgrade Engineer \(id)"], actor: next(),
                    kind: "upgrade", id: id,
                    check: (
                        "SELECT count(*) FROM upgrade WHERE id = ? AND engineer = ?",
                        ["\(id)", "Upgrade Engineer \(id)"]
                    )),
                Step(
                    verb: ["upgrade", "reschedule", "\(id)", "--scheduled", "2026-12-15T1\(index % 10):00:00Z"],
                    actor: next(), kind: "upgrade", id: id, check: nil),
                Step(
                    verb: ["upgrade", "done", "\(id)"], actor: next(), kind: "upgrade", id: id,
                    check: ("SELECT count(*) FROM upgrade WHERE id = ? AND done = 1", ["\(id)"])),
            ])
        }
        for index in 0..<60 {
            let id = 90_001 + index
            chains.append([
                Step(
                    verb: [
                        "ticket", "add", "--id", "\(id)", "--subject", "Storm ticket \(id)", "--priority",
                        ["urgent", "high", "normal", "low"][index % 4], "--created", "2026-11-27T1\(index % 5):00:00Z",
                        "--org", "Org \(index)",
                    ],
                    actor: next(), kind: "ticket", id: id,
                    check: (
                        "SELECT count(*) FROM ticket WHERE id = ? AND subject = ?", ["\(id)", "Storm ticket \(id)"]
                    )),
                Step(
                    verb: ["ticket", "reply", "\(id)"], actor: next(), kind: "ticket", id: id,
                    check: ("SELECT count(*) FROM ticket WHERE id = ? AND firstReplyAt IS NOT NULL", ["\(id)"])),
            ])
        }
        for index in 0..<40 {
            let title = "Storm notice \(index)"
            chains.append([
                Step(
                    verb: ["notice", "add", "--title", title, "--cmoc", "CMOC \(index)"], actor: next(), kind: "notice",
                    id: nil, check: ("SELECT count(*) FROM notice WHERE title = ?", [title])),
                Step(
                    verb: ["notice", "clear", "{notice}"], actor: next(), kind: "notice", id: nil,
                    check: ("SELECT count(*) FROM notice WHERE title = ? AND clearedAt IS NOT NULL", [title])),
            ])
        }
        for index in 0..<40 {
            let name = "Rota Manager \(index)"
            let step: Step =
                index % 2 == 0
                ? Step(
                    verb: [
                        "rota", "add", name, "--region", ["AMER", "EMEA", "APAC"][index % 3], "--from",
                        "2026-11-2\(8 + index % 2)T0\(index % 10):00:00Z", "--to",
                        "2026-11-2\(8 + index % 2)T1\(index % 10):00:00Z",
                    ],
                    actor: next(), kind: "rota", id: nil, check: ("SELECT count(*) FROM rota WHERE name = ?", [name]))
                : Step(
                    verb: [
                        "cover", "--by", name, "--from", from, "--to", "2026-11-27T16:00:00Z", "--note",
                        "cover \(index)",
                    ],
                    actor: next(), kind: "rota", id: nil,
                    check: ("SELECT count(*) FROM rota WHERE note = ?", ["cover \(index)"]))
            chains.append([step])
        }
        // Generated Zendesk exports: each creates its own range of new tickets; every tenth is truncated.
        for index in 0..<110 {
            let size = 20 + Int(random.next() % 60)
            let first = 1_000_000 + index * 100
            let ids = first...(first + size - 1)
            let path = work.appendingPathComponent("batch-\(index).json").path
            var text = #"{"tickets":["#
            text += ids.map { id in
                #"{"id":\#(id),"subject":"Imported \#(id)","status":"open","priority":"high","#
                    + #""created_at":"2026-11-27T1\#(id % 5):00:00Z","organization_id":null}"#
            }.joined(separator: ",")
            text += "]}"
            let truncated = index % 10 == 9
            if truncated { text = String(text.prefix(text.count * 2 / 3)) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            chains.append([
                Step(
                    verb: ["import", "--json", path], actor: next(), kind: "ticket", id: nil, check: nil,
                    batch: Batch(path: path, ids: ids, truncated: truncated))
            ])
        }
        // The vendor samples, each import from its own copy so its audit events can be told apart.
        let fixtures = LongChecks.fixtureNames
        for index in 0..<50 where !fixtures.isEmpty {
            let name = fixtures[index % fixtures.count]
            let path = work.appendingPathComponent("sample-\(index)-\(name)").path
            try FileManager.default.copyItem(
                atPath: LongChecks.fixturesDirectory.appendingPathComponent(name).path, toPath: path)
            chains.append([
                Step(
                    verb: ["import", "--json", path], actor: next(), kind: "", id: nil, check: nil, fixtureImport: path)
            ])
        }
        return chains
    }
}
