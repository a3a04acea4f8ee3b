import Foundation
import GRDB
import OnCallRules
import Testing

@testable import OnCallStore

/// Issue 14 items 5, 7 and 8: the file at the store's path is checked, not trusted.
@Suite("Store files: links, devices, replaced files, read-only media", .serialized)
struct StoreHardeningTests {
    // MARK: item 7, files and links

    @Test("a dangling symlink as the store is refused, and nothing is created where it points")
    func danglingSymlinkRefused() throws {
        let dir = try TemporaryDirectory()
        let target = dir.file("elsewhere.sqlite")
        let link = dir.file("link.sqlite")
        #expect(symlink(target, link) == 0)
        let previous = umask(0o022)
        defer { umask(previous) }
        #expect {
            _ = try Store(path: link)
        } throws: { error in
            (error as? StoreError)?.description.contains("is a symbolic link") == true
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("a symlink to an existing store is refused too (links are never followed)")
    func symlinkToStoreRefused() throws {
        let dir = try TemporaryDirectory()
        _ = try Store(path: dir.store)
        let link = dir.file("link.sqlite")
        #expect(symlink(dir.store, link) == 0)
        #expect(throws: StoreError.self) { _ = try Store(path: link) }
        #expect(throws: StoreError.self) { _ = try Store.openForReading(path: link) }
    }

    @Test("/dev/null or a device as the store: not a regular file, not 'the disk may be full'")
    func deviceRefused() throws {
        for path in ["/dev/null", "/dev/zero"] {
            #expect {
                _ = try Store(path: path)
            } throws: { error in
                let text = (error as? StoreError)?.description ?? ""
                return text.contains("not a regular file") && !text.contains("disk")
            }
        }
    }

    @Test("a store in a directory other users can write to opens with a warning naming it")
    func worldWritableDirectoryWarns() throws {
        let dir = try TemporaryDirectory()
        chmod(dir.path, 0o777)
        let store = try Store(path: dir.store)
        #expect(store.warnings.count == 1)
        #expect(store.warnings.first?.contains("writable by other users") == true)
        chmod(dir.path, 0o700)
        #expect(try Store(path: dir.store).warnings.isEmpty)
    }

    // MARK: item 5, the file replaced underneath

    @Test("a file moved over the open store: writes and polls are refused, neither file is mixed")
    func replacedUnderneath() throws {
        let dir = try TemporaryDirectory()
        let open = try Store(path: dir.store)
        try open.write([.ticket(Sample.ticket(1))])
        let other = try Store(path: dir.file("other.sqlite"))
        try other.write([.ticket(Sample.ticket(2))])
        try other.close()
        #expect(rename(dir.file("other.sqlite"), dir.store) == 0)

        #expect(throws: StoreError.replaced(path: dir.store)) { try open.write([.ticket(Sample.ticket(3))]) }
        #expect(throws: StoreError.replaced(path: dir.store)) { _ = try open.hasExternalChanges() }
        #expect(throws: StoreError.replaced(path: dir.store)) { _ = try open.loadBoard(now: When.now) }
        try open.close()

        let now = try Store(path: dir.store)
        #expect(try now.loadBoard(all: true, now: When.now).tickets.map(\.id) == [2])
        #expect(try now.integrityCheck() == ["ok"])
    }

    @Test("a store removed underneath is refused the same way")
    func removedUnderneath() throws {
        let dir = try TemporaryDirectory()
        let open = try Store(path: dir.store)
        try open.write([.ticket(Sample.ticket(1))])
        #expect(unlink(dir.store) == 0)
        #expect(throws: StoreError.replaced(path: dir.store)) { try open.write([.ticket(Sample.ticket(3))]) }
    }

    // MARK: item 6, one bad row

    @Test("a row this version cannot read is listed by table and id; the others load; repaired, it clears")
    func unreadableRowDoesNotHideTheBoard() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(1)), .escalation(Sample.escalation(2))])
        try store.write([.escalation(Sample.escalation(3)), .ticket(Sample.ticket(9))])
        let other = try DatabaseQueue(path: dir.store)
        try other.write { db in
            try db.execute(sql: "UPDATE escalation SET urgency = 'critical' WHERE id = 2")
            try db.execute(sql: "UPDATE escalation SET state = 'frozen' WHERE id = 3")
        }
        #expect(try store.hasExternalChanges())
        // Before: loadBoard threw "store is corrupt" and the dashboard froze on stale data.
        let board = try store.loadBoard(now: When.now)
        #expect(board.escalations.map(\.id) == [1])
        #expect(board.tickets.map(\.id) == [9])
        #expect(
            board.unreadable == [
                UnreadableRecord(ref: RecordRef(.escalation, 2), reason: "an unknown urgency 'critical'"),
                UnreadableRecord(ref: RecordRef(.escalation, 3), reason: "an unknown state 'frozen'"),
            ])
        #expect(try store.loadBoard(all: true, now: When.now).unreadable.count == 2)
        // Actions on readable records still work.
        try store.write([.escalation(Sample.escalation(1, state: .acknowledged))])
        try other.write { db in
            try db.execute(sql: "UPDATE escalation SET urgency = 'urgent' WHERE id = 2")
            try db.execute(sql: "UPDATE escalation SET state = 'new' WHERE id = 3")
        }
        let repaired = try store.loadBoard(now: When.now)
        #expect(repaired.unreadable.isEmpty)
        #expect(repaired.escalations.map(\.id).sorted() == [1, 2, 3])
        try other.close()
    }

    // MARK: item 8, read-only media

    @Test("a store without write permission opens read-only for reading; writes say why")
    func readOnlyFileOpensForReading() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try Store(path: dir.store)
            try store.write([.ticket(Sample.ticket(1))])
            try store.close()
        }
        chmod(dir.path, 0o500)
        chmod(dir.store, 0o400)
        defer { chmod(dir.path, 0o700) }
        let store = try Store.openForReading(path: dir.store)
        #expect(store.readOnlyReason != nil)
        #expect(try store.loadBoard(now: When.now).tickets.map(\.id) == [1])
        #expect {
            try store.write([.ticket(Sample.ticket(2))])
        } throws: { error in
            guard case .readOnly(_, let reason)? = error as? StoreError else { return false }
            return reason.contains("opened read-only")
        }
    }

    @Test(
        "on a read-only mount, reading works and writing is refused with the reason",
        .enabled(if: geteuid() == 0, "needs root to mount a tmpfs read-only"))
    func readOnlyMount() throws {
        let mountPoint = try TemporaryDirectory()
        guard ReadOnlyMount.mount(at: mountPoint.path) else { return }
        defer { ReadOnlyMount.unmount(mountPoint.path) }
        let path = mountPoint.path + "/oncall.sqlite"
        do {
            let store = try Store(path: path)
            try store.write([.ticket(Sample.ticket(1)), .escalation(Sample.escalation(88))])
            try store.close()
        }
        #expect(ReadOnlyMount.remountReadOnly(mountPoint.path))
        // Before: every verb, reading ones included, failed with "is read-only".
        #expect(throws: StoreError.self) { _ = try Store(path: path) }
        let store = try Store.openForReading(path: path)
        #expect(store.readOnlyReason == "it is on a read-only file system")
        let board = try store.loadBoard(now: When.now)
        #expect(board.tickets.map(\.id) == [1] && board.escalations.map(\.id) == [88])
        #expect(try store.hasExternalChanges() == false)
        #expect(try !store.auditLog(limit: 10).isEmpty)
        #expect(throws: StoreError.self) { try store.write([.ticket(Sample.ticket(2))]) }
        try store.close()
    }
}

/// A tmpfs mounted for one test, then made read-only: real read-only media (root ignores file modes).
enum ReadOnlyMount {
    static func mount(at path: String) -> Bool { run(["mount", "-t", "tmpfs", "-o", "size=8m", "none", path]) }
    static func remountReadOnly(_ path: String) -> Bool { run(["mount", "-o", "remount,ro", path]) }
    static func unmount(_ path: String) { _ = run(["umount", path]) }

    private static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
