import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 6, hostile input at the CLI and store faults seen through it: every bad argument gets a clear error
/// and a non-zero exit, and the stored data is exactly what it was before (fast: runs in `swift test`).
@Suite(.serialized, .needsOncallBinary)
struct CLIValidationTests {
    /// A bad invocation and a word its error must contain (lowercased).
    struct Case: CustomStringConvertible {
        var verb: [String]
        var says: String
        var actor: String = ShiftFixture.actor
        var description: String { verb.map { $0.count > 40 ? "<\($0.count) chars>" : $0 }.joined(separator: " ") }
    }

    static let created = "2026-11-27T14:00:00Z"
    static let hugeTitle = String(repeating: "x", count: 120_000)  // argv caps one argument at 128 KiB on Linux

    static let cases: [Case] = [
        // Unknown ids.
        Case(verb: ["escalation", "ack", "424242"], says: "no escalation 424242"),
        Case(verb: ["escalation", "resolve", "424242"], says: "no escalation 424242"),
        Case(verb: ["escalation", "trigger", "424242"], says: "no escalation 424242"),
        Case(verb: ["emergency", "ack", "424242"], says: "no emergency 424242"),
        Case(verb: ["emergency", "resolve", "424242"], says: "no emergency 424242"),
        Case(verb: ["ticket", "reply", "424242"], says: "no ticket 424242"),
        Case(verb: ["notice", "clear", "424242"], says: "no notice 424242"),
        Case(verb: ["upgrade", "done", "424242"], says: "no upgrade"),
        Case(verb: ["upgrade", "reschedule", "424242", "--scheduled", "2026-12-05T10:00:00Z"], says: "no upgrade"),
        // Absurd numbers.
        Case(verb: ["escalation", "ack", "-5"], says: "<id>"),
        Case(verb: ["escalation", "ack", "0"], says: "positive number"),
        Case(verb: ["escalation", "ack", "abc"], says: "positive number"),
        Case(verb: ["escalation", "ack", "99999999999999999999999"], says: "positive number"),
        Case(verb: ["notice", "clear", "0"], says: "positive number"),
        Case(
            verb: [
                "escalation", "add", "--id", "9223372036854775808", "--ticket", "1", "--urgency", "urgent", "--title",
                "t",
            ],
            says: "positive number"),
        Case(verb: ["log", "--limit", "0"], says: "between 1 and 100000"),
        Case(verb: ["log", "--limit", "100001"], says: "between 1 and 100000"),
        Case(verb: ["log", "--limit", "-1"], says: "--limit"),
        Case(verb: ["log", "--limit", "99999999999999999999"], says: "--limit"),
        // Bad dates.
        Case(
            verb: [
                "escalation", "add", "--id", "150", "--ticket", "1", "--urgency", "urgent", "--title", "t", "--at",
                "yesterday",
            ],
            says: "iso-8601"),
        Case(
            verb: [
                "escalation", "add", "--id", "150", "--ticket", "1", "--urgency", "urgent", "--title", "t", "--at",
                "2026-13-45T99:00:00Z",
            ],
            says: "iso-8601"),
        Case(
            verb: ["ticket", "add", "--id", "150", "--subject", "s", "--priority", "high", "--created", "notadate"],
            says: "iso-8601"),
        Case(verb: ["ticket", "reply", "8101", "--at", "nope"], says: "iso-8601"),
        Case(verb: ["upgrade", "add", "--ticket", "150", "--customer", "c", "--scheduled", "soon"], says: "iso-8601"),
        Case(verb: ["handoff-report", "--since", "nope"], says: "iso-8601"),
        Case(verb: ["status", "--now", "nope"], says: "iso-8601"),
        Case(
            verb: ["cover", "--by", "Cover Person", "--from", "2026-11-27T16:00:00Z", "--to", "2026-11-27T15:00:00Z"],
            says: "end after"),
        Case(verb: ["handoff-report", "--tz", "Mars/Olympus"], says: "time zone"),
        // Empty or blank text, and too much of it.
        Case(
            verb: ["escalation", "add", "--id", "150", "--ticket", "1", "--urgency", "urgent", "--title", ""],
            says: "empty"),
        Case(
            verb: ["escalation", "add", "--id", "150", "--ticket", "1", "--urgency", "urgent", "--title", "  \n "],
            says: "empty"),
        Case(
            verb: ["escalation", "add", "--id", "150", "--ticket", "1", "--urgency", "urgent", "--title", hugeTitle],
            says: "longer than 10,000 characters"),
        Case(verb: ["escalation", "reject", "101", "--reason", ""], says: "empty"),
        Case(verb: ["escalation", "reject", "101"], says: "--reason"),
        Case(verb: ["escalation", "assign", "101", "--to", " "], says: "empty"),
        Case(verb: ["emergency", "handoff", "7001", "--note", ""], says: "empty"),
        Case(verb: ["emergency", "handoff", "7001", "--to", "Grace Hopper", "--note", "   "], says: "empty"),
        Case(verb: ["notice", "add", "--title", ""], says: "empty"),
        Case(
            verb: ["rota", "add", "", "--region", "EMEA", "--from", created, "--to", "2026-11-27T18:00:00Z"],
            says: "empty"),
        Case(verb: ["escalation", "ack", "101"], says: "--as", actor: " "),
        // Unknown words.
        Case(
            verb: ["escalation", "add", "--id", "150", "--ticket", "1", "--urgency", "asap", "--title", "t"],
            says: "urgent"),
        Case(verb: ["emergency", "flag", "7001", "bogus"], says: "compromised"),
        Case(verb: ["emergency", "check", "7001", "no-such-item"], says: "unknown checklist item"),
        Case(verb: ["notice", "add", "--kind", "bogus", "--title", "t"], says: "security"),
        Case(
            verb: ["rota", "add", "X", "--region", "MARS", "--from", created, "--to", "2026-11-27T18:00:00Z"],
            says: "amer"),
        Case(
            verb: ["ticket", "add", "--id", "150", "--subject", "s", "--priority", "p0", "--created", created],
            says: "urgent"),
        // Rules refusals (explained, nothing written).
        Case(verb: ["escalation", "ack", "101"], says: "already acknowledged"),
        Case(
            verb: ["escalation", "add", "--id", "101", "--ticket", "1", "--urgency", "urgent", "--title", "again"],
            says: "101"),
        // Imports: unknown vendor, missing files, a directory, not JSON.
        Case(verb: ["import", "zendeks", "/nonexistent/export.json"], says: "vendor"),
        Case(verb: ["import", "zendesk", "/nonexistent/export.json"], says: "cannot open"),
        Case(verb: ["import", "zendesk", "/"], says: "directory"),
        Case(verb: ["import", "/etc/hostname"], says: "hostname"),
        Case(verb: ["status", "--config", "/nonexistent/config.toml"], says: "no such file"),
    ]

    /// A store with one escalation (acknowledged), one emergency and one ticket.
    private func seeded() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", "Seeded")
        try shift.cli("escalation", "ack", "101")
        try shift.cli("emergency", "add", "--ticket", "7001", "--title", "Seeded emergency", "--engineer", "Linus")
        try shift.cli(
            "ticket", "add", "--id", "8101", "--subject", "Seeded ticket", "--priority", "high", "--created",
            Self.created)
        return shift
    }

    @Test func everyBadArgumentIsRefusedClearlyAndWritesNothing() throws {
        let shift = try seeded()
        let before = try StoreInspector(path: shift.store).fingerprint()
        for check in Self.cases {
            let result = try ProcessRunner.run(
                shift.arguments(check.verb, actor: check.actor), environment: shift.environment, timeout: 30)
            #expect(!result.succeeded && !result.timedOut && result.exitCode < 128, "\(check): \(result)")
            let message = result.stderr.lowercased()
            #expect(
                message.contains(check.says.lowercased()), "\(check): stderr does not say '\(check.says)': \(result)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).count < 3, "\(check): \(result)")
            #expect(!message.contains("sqlite") && !message.contains("fatal error"), "\(check): \(result)")
        }
        #expect(try StoreInspector(path: shift.store).fingerprint() == before, "a refused command changed the store")
    }

    /// An import error quotes the input (a key here): its line breaks and escape sequences must not reach the
    /// terminal as such (found by the importer fuzz: a message spread over three lines).
    @Test func importErrorsQuotingHostileInputStayOneEscapedLine() throws {
        let shift = try ShiftFixture()
        let path = shift.directory.appendingPathComponent("hostile.json").path
        let hostile = "{\"tickets\":[{\"id\":5,\"x\n\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{9B}31m\" 7}]}"
        try Data(hostile.utf8).write(to: URL(fileURLWithPath: path))
        let result = try ProcessRunner.run(
            shift.arguments(["import", "zendesk", path]), environment: shift.environment, timeout: 30)
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "not one line: \(result)")
        #expect(result.stderr.contains("malformed JSON"), "\(result)")
        let controls = result.stderr.unicodeScalars.filter {
            ($0.value < 0x20 && $0.value != 0x0A) || (0x7F..<0xA0).contains($0.value)
        }
        #expect(controls.isEmpty, "control characters reached stderr: \(controls.map(\.value))")
    }

    @Test func theLargestIdRoundTrips() throws {
        let shift = try ShiftFixture()
        let id = "\(Int64.max)"
        try shift.cli("escalation", "add", "--id", id, "--ticket", id, "--urgency", "timely", "--title", "Max")
        try shift.cli("escalation", "ack", id)
        let shown = try shift.escalation(Int(Int64.max))
        #expect(shown?["state"] as? String == "acknowledged")
    }

    // Store faults through the CLI: one clear line on stderr, a non-zero exit, stored data intact.

    private func expectStoreFault(
        _ shift: ShiftFixture, says: String,
        verbs: [[String]] = [["escalation", "resolve", "101", "--comment", "done"], ["status", "--json"]],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for verb in verbs {
            let result = try ProcessRunner.run(shift.arguments(verb), environment: shift.environment, timeout: 30)
            #expect(result.exitCode == 3, "\(verb): \(result)", sourceLocation: sourceLocation)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(verb): not one line: \(result)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(says), "\(verb): \(result)", sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, "\(verb): \(result)", sourceLocation: sourceLocation)
        }
    }

    private func expectReadable(_ shift: ShiftFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try ProcessRunner.run(
            shift.arguments(["status", "--json"]), environment: shift.environment, timeout: 30)
        #expect(result.exitCode == 0, "status on a store it cannot write: \(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.contains("\"escalations\""), "\(result)", sourceLocation: sourceLocation)
    }

    @Test func readOnlyStoreFile() throws {
        let shift = try seeded()
        let before = try StoreInspector(path: shift.store).fingerprint()
        chmod(shift.store, 0o400)
        defer { chmod(shift.store, 0o600) }
        // Writes are refused; reading verbs open the store read-only and work (issue 14, item 8).
        try expectStoreFault(shift, says: "is read-only", verbs: [["escalation", "resolve", "101", "--comment", "done"]])
        try expectReadable(shift)
        chmod(shift.store, 0o600)
        #expect(try StoreInspector(path: shift.store).fingerprint() == before)
        #expect(try shift.escalation(101)?["state"] as? String == "acknowledged")
    }

    @Test func unwritableStoreDirectory() throws {
        let shift = try seeded()
        let before = try StoreInspector(path: shift.store).fingerprint()
        let directory = (shift.store as NSString).deletingLastPathComponent
        chmod(directory, 0o500)
        defer { chmod(directory, 0o700) }
        try expectStoreFault(
            shift, says: "is not writable", verbs: [["escalation", "resolve", "101", "--comment", "done"]])
        try expectReadable(shift)
        chmod(directory, 0o700)
        #expect(try StoreInspector(path: shift.store).fingerprint() == before)
    }

    @Test func newStoreInAnUnwritableDirectory() throws {
        let shift = try ShiftFixture()
        let directory = (shift.store as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o500)
        defer { chmod(directory, 0o700) }
        try expectStoreFault(shift, says: "is not writable", verbs: [["escalation", "resolve", "101", "--comment", "done"]])
        // A reading verb refuses the store that does not exist before trying to create it (issue 13).
        try expectStoreFault(shift, says: "no store at", verbs: [["status", "--json"]])
        #expect(!FileManager.default.fileExists(atPath: shift.store))
    }

    @Test func aFileThatIsNotSQLite() throws {
        let shift = try ShiftFixture()
        let directory = (shift.store as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = Data(String(repeating: "my shopping list, not a database\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: shift.store))
        try expectStoreFault(shift, says: "not an oncall store")
        #expect(try Data(contentsOf: URL(fileURLWithPath: shift.store)) == text, "the foreign file was changed")
    }

    @Test func aCorruptStore() throws {
        let shift = try seeded()
        // The last CLI process to close the store folded the WAL into the main file: the damage hits records.
        let handle = try #require(FileHandle(forUpdatingAtPath: shift.store))
        let size = try handle.seekToEnd()
        guard size > 4096 else { return }
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(min(size - 4096, 8192))))
        try handle.close()
        try? FileManager.default.removeItem(atPath: shift.store + "-wal")
        try? FileManager.default.removeItem(atPath: shift.store + "-shm")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: shift.store))
        let result = try ProcessRunner.run(shift.arguments(["status", "--json"]), environment: shift.environment)
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("corrupt"), "\(result)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: shift.store)) == bytes, "the corrupt file was changed")
    }
}
