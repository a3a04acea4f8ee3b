import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 14 through the real binary: hostile config, odd store paths, damaged rows and hostile imports never
/// crash, hang, mix or hide data. Each test reproduces what failed before the fix.
@Suite(.serialized, .needsOncallBinary)
struct HardeningCLITests {
    private func seeded() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.ok(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", "Seeded",
            "--at", "2026-11-27T14:50:00Z")
        return shift
    }

    private func config(_ shift: ShiftFixture, _ text: String) throws -> String {
        let file = shift.directory.appendingPathComponent("hostile-\(UUID().uuidString).toml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    // MARK: item 1

    /// Before: `oncall config` accepted these, then `status` died of SIGILL (arithmetic overflow) or ran for
    /// minutes. Now the loader refuses them naming the key, exit 2, at once.
    @Test(arguments: [
        ("[escalation_minutes]\nurgent = 9223372036854775807", "escalation_minutes.urgent"),
        ("[emergency]\nmanager_minutes = 9223372036854775807\nsenior_minutes = 9223372036854775807",
         "emergency.manager_minutes"),
        ("[policies.priority]\nhigh = { minutes = 1000000000000 }", "policies.priority.high.minutes"),
    ])
    func anOverflowingConfigValueIsRefusedNamingTheKey(toml: String, key: String) throws {
        let shift = try seeded()
        let file = try config(shift, toml)
        for verb in [["config"], ["status"], ["status", "--json"]] {
            let result = try shift.run(["--config", file] + verb)
            #expect(result.exitCode == 2, "\(verb): \(result)")
            #expect(!result.timedOut)
            #expect(result.stderr.contains("\(key): ") && result.stderr.contains("out of range"), "\(result.stderr)")
        }
    }

    // MARK: item 6

    @Test func oneUnreadableRowIsListedAndTheRestShown() throws {
        let shift = try seeded()
        try shift.ok(
            "escalation", "add", "--id", "102", "--ticket", "5102", "--urgency", "timely", "--title", "Damaged",
            "--at", "2026-11-27T14:51:00Z")
        let queue = try DatabaseQueue(path: shift.store)
        try queue.write { db in try db.execute(sql: "UPDATE escalation SET urgency = 'critical' WHERE id = 102") }
        try queue.close()
        // Before: status refused the whole store (exit 3, "corrupt").
        let text = try shift.run(["status"])
        #expect(text.exitCode == 0, "\(text)")
        #expect(text.stdout.contains("escalation 102: an unknown urgency 'critical'"), "\(text.stdout)")
        #expect(text.stdout.contains("Seeded"))
        let status = try shift.statusObject()
        let unreadable = status["unreadable"] as? [[String: Any]] ?? []
        #expect(unreadable.count == 1)
        #expect(unreadable.first?["table"] as? String == "escalation")
        #expect(unreadable.first?["id"] as? Int == 102)
        let alerts = (status["alerts"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(alerts.contains("unreadable-record"))
        // An action on a readable record works.
        try shift.ok("escalation", "ack", "101")
        let repair = try DatabaseQueue(path: shift.store)
        try repair.write { db in try db.execute(sql: "UPDATE escalation SET urgency = 'timely' WHERE id = 102") }
        try repair.close()
        #expect((try shift.statusObject()["unreadable"] as? [Any])?.isEmpty == true)
    }

    // MARK: item 7

    @Test func aDanglingSymlinkStoreIsRefusedAndNothingWorldReadableIsCreated() throws {
        let shift = try ShiftFixture()
        let target = shift.directory.appendingPathComponent("elsewhere.sqlite").path
        let link = shift.directory.appendingPathComponent("link.sqlite").path
        #expect(symlink(target, link) == 0)
        let result = try ProcessRunner.run(
            [shift.binary, "--store", link, "status"], environment: shift.environment, timeout: 20)
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target), "a store was created through the link")
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func aDeviceIsNotARegularFile(path: String) throws {
        let shift = try ShiftFixture()
        for verb in [["status"], ["escalation", "ack", "1"]] {
            let result = try ProcessRunner.run(
                [shift.binary, "--store", path] + verb, environment: shift.environment, timeout: 20)
            #expect(result.exitCode == 3, "\(result)")
            #expect(result.stderr.contains("not a regular file"), "\(result.stderr)")
            #expect(!result.stderr.contains("disk"), "\(result.stderr)")
        }
    }

    @Test func aDirectoryWritableByOthersIsWarnedAbout() throws {
        let shift = try ShiftFixture()
        let directory = shift.directory.appendingPathComponent("shared").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o777)
        let result = try ProcessRunner.run(
            [shift.binary, "--store", directory + "/oncall.sqlite", "notice", "add", "--title", "T"],
            environment: shift.environment, timeout: 20)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("writable by other users"), "\(result.stderr)")
    }

    // MARK: item 8

    @Test(.enabled(if: geteuid() == 0, "needs root to mount a tmpfs read-only"))
    func onAReadOnlyMountReadingVerbsWorkAndWritesSayWhy() throws {
        let shift = try seeded()
        let mountPoint = shift.directory.appendingPathComponent("media").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        guard run(["mount", "-t", "tmpfs", "-o", "size=8m", "none", mountPoint]) else { return }
        defer { _ = run(["umount", mountPoint]) }
        let store = mountPoint + "/oncall.sqlite"
        try FileManager.default.copyItem(atPath: shift.store, toPath: store)
        #expect(run(["mount", "-o", "remount,ro", mountPoint]))
        func oncall(_ verb: [String]) throws -> RunResult {
            try ProcessRunner.run(
                [shift.binary, "--store", store, "--now", ShiftFixture.now] + verb, environment: shift.environment,
                timeout: 20)
        }
        for verb in [["status"], ["status", "--json", "--all"], ["log"], ["rota"], ["handoff-report"]] {
            let result = try oncall(verb)
            #expect(result.exitCode == 0, "\(verb): \(result)")
        }
        #expect(try oncall(["status"]).stdout.contains("Seeded"))
        let write = try oncall(["escalation", "ack", "101"])
        #expect(write.exitCode == 3, "\(write)")
        #expect(write.stderr.contains("read-only file system"), "\(write.stderr)")
    }

    // MARK: items 9 and 10

    private func importJSON(_ shift: ShiftFixture, _ json: String) throws -> RunResult {
        let file = shift.directory.appendingPathComponent("import-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        return try shift.run(["import", "zendesk", file.path])
    }

    private func ticket(_ id: String, _ subject: String) -> String {
        #"{"id": \#(id), "subject": "\#(subject)", "status": "new", "priority": "normal", "#
            + #""created_at": "2026-11-27T14:00:00Z"}"#
    }

    @Test func aHugeImportedSubjectIsCappedWithAWarningNamingTheTicket() throws {
        let shift = try ShiftFixture()
        let result = try importJSON(shift, #"{"ticket": \#(ticket("880001", String(repeating: "x", count: 2_000_000)))}"#)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("ticket 880001: the subject was 2000000 characters"), "\(result.stderr)")
        let subject = try StoreInspector(path: shift.store).strings("SELECT subject FROM ticket WHERE id = 880001")
        #expect(subject.first?.count == 10_000 && subject.first?.hasSuffix("…") == true)
    }

    @Test func nulInImportedTextIsKeptAndReImportIsIdempotent() throws {
        let shift = try ShiftFixture()
        let json = #"{"ticket": \#(ticket("880002", #"half\u0000other half"#))}"#
        let first = try importJSON(shift, json)
        #expect(first.stdout.contains("1 new"), "\(first)")
        // Before: the stored text ended at the NUL, and every re-import reported "1 updated".
        for _ in 0..<2 {
            let again = try importJSON(shift, json)
            #expect(again.stdout.contains("0 updated, 1 unchanged"), "\(again)")
        }
        let subject = try StoreInspector(path: shift.store).strings("SELECT subject FROM ticket WHERE id = 880002")
        #expect(subject == ["half\u{FFFD}other half"])
    }

    @Test func idsZeroAndBelowAreRefusedAtImportNamingTheRecord() throws {
        let shift = try ShiftFixture()
        let json = #"{"tickets": [\#(ticket("0", "zero")), \#(ticket("-7", "negative")), \#(ticket("880003", "ok"))]}"#
        let result = try importJSON(shift, json)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("ticket 0: the id must be a positive number"), "\(result.stderr)")
        #expect(result.stderr.contains("ticket -7: the id must be a positive number"), "\(result.stderr)")
        let ids = try StoreInspector(path: shift.store).strings("SELECT CAST(id AS TEXT) FROM ticket ORDER BY id")
        #expect(ids == ["880003"])
    }

    private func run(_ arguments: [String]) -> Bool {
        ((try? ProcessRunner.run(["/usr/bin/env"] + arguments, timeout: 20))?.exitCode ?? 1) == 0
    }
}
