import Foundation
import GRDB
import Testing

/// Issue 6, store faults through the CLI that need time or limits: a write lock held past the busy timeout, and a
/// full disk (a file-size limit). Each: one clear line on stderr, exit 3, the stored data intact.
@Suite(.serialized, .needsOncallBinary)
struct StoreFaultCLITests {
    private func seeded() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", "Seeded")
        try shift.cli("escalation", "ack", "101")
        return shift
    }

    @Test func aWriteLockHeldPastTheBusyTimeout() throws {
        let shift = try seeded()
        let before = try StoreInspector(path: shift.store).fingerprint()
        // Another writer (this process) takes the write lock and keeps it longer than the CLI waits (5 s).
        let holder = try DatabaseQueue(path: shift.store)
        var result: RunResult?
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            result = try ProcessRunner.run(
                shift.arguments(["escalation", "resolve", "101", "--comment", "while locked"]),
                environment: shift.environment, timeout: 30)
            try db.execute(sql: "ROLLBACK")
        }
        try holder.close()
        let refused = try #require(result)
        #expect(refused.exitCode == 3, "\(refused)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused)")
        #expect(
            refused.stderr.contains("is locked by another process") && refused.stderr.contains("nothing was written"))
        #expect(try StoreInspector(path: shift.store).fingerprint() == before)
        // Once the lock is gone the same command goes through.
        try shift.cli("escalation", "resolve", "101", "--comment", "after the lock")
        #expect(try shift.escalation(101)?["state"] as? String == "resolved")
    }

    @Test func aFullDisk() throws {
        let shift = try seeded()
        let before = try StoreInspector(path: shift.store).fingerprint()
        // `ulimit -f 4`: no file may grow past 2 KiB, so the first WAL frame (4 KiB + 24 bytes) cannot be written.
        let command = (shift.arguments(["escalation", "resolve", "101", "--comment", "no room"])).map(shellQuote)
            .joined(separator: " ")
        let result = try ProcessRunner.run(
            ["/bin/sh", "-c", "ulimit -f 4 && exec " + command], environment: shift.environment, timeout: 30)
        #expect(result.exitCode == 3, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        // SQLite sees the refused write as an I/O error; the message names the likely cause.
        let said = result.stderr.contains("disk is full") || result.stderr.contains("file-size limit")
        #expect(said && result.stderr.contains("nothing was written"), "\(result)")
        #expect(try StoreInspector(path: shift.store).fingerprint() == before)
        #expect(try StoreInspector(path: shift.store).integrity() == ["ok"])
        try shift.cli("escalation", "resolve", "101", "--comment", "room again")
    }

    /// Issue 14 item 4: a store fault during `import` exits 3 like every other verb (it was 2, "bad input"), so a
    /// cron job can tell a bad file from a store that is down.
    private func importFile(_ shift: ShiftFixture) throws -> String {
        let file = shift.directory.appendingPathComponent("ticket.json")
        let json = #"{"ticket": {"id": 777001, "subject": "Import while the store is down", "status": "new", "#
            + #""priority": "normal", "created_at": "2026-11-27T14:00:00Z"}}"#
        try Data(json.utf8).write(to: file)
        return file.path
    }

    @Test func anImportIntoALockedStoreExits3() throws {
        let shift = try seeded()
        let file = try importFile(shift)
        let holder = try DatabaseQueue(path: shift.store)
        var result: RunResult?
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            result = try ProcessRunner.run(
                shift.arguments(["import", "zendesk", file]), environment: shift.environment, timeout: 30)
            try db.execute(sql: "ROLLBACK")
        }
        try holder.close()
        let refused = try #require(result)
        #expect(refused.exitCode == 3, "\(refused)")
        #expect(refused.stderr.contains("is locked by another process"), "\(refused)")
    }

    @Test func anImportOnAFullDiskExits3() throws {
        let shift = try seeded()
        let file = try importFile(shift)
        let command = shift.arguments(["import", "zendesk", file]).map(shellQuote).joined(separator: " ")
        let result = try ProcessRunner.run(
            ["/bin/sh", "-c", "ulimit -f 4 && exec " + command], environment: shift.environment, timeout: 30)
        #expect(result.exitCode == 3, "\(result)")
        #expect(try StoreInspector(path: shift.store).integrity() == ["ok"])
    }

    @Test func aBadFileStillExits2AndAStoreFaultOutranksIt() throws {
        let shift = try seeded()
        let bad = shift.directory.appendingPathComponent("bad.json")
        try Data("{not json".utf8).write(to: bad)
        let result = try shift.cli("import", "zendesk", bad.path, expectSuccess: false)
        #expect(result.exitCode == 2, "\(result)")
    }
}
