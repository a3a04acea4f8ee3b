import Foundation
import GRDB
import OnCallRules
import Testing

@testable import OnCallStore

/// Every way the store file can be unusable gives a clear `StoreError` and leaves what was stored intact.
@Suite("Store faults")
struct StoreFaultTests {
    /// A closed store holding one escalation and one ticket (WAL checkpointed into the main file).
    private func seeded(_ dir: TemporaryDirectory) throws {
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(88)), .ticket(Sample.ticket(1))])
    }

    /// The seeded records are all there, untouched.
    private func expectIntact(_ dir: TemporaryDirectory) throws {
        let store = try Store(path: dir.store)
        let board = try store.loadBoard(now: When.now)
        #expect(board.escalations.map(\.id) == [88])
        #expect(board.tickets.map(\.id) == [1])
        #expect(try store.auditLog(limit: 10).count == 2)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test("a read-only file")
    func readOnlyFile() throws {
        let dir = try TemporaryDirectory()
        try seeded(dir)
        chmod(dir.store, 0o400)
        let bytes = contents(dir.store)
        let error = #expect(throws: StoreError.self) { try Store(path: dir.store) }
        #expect(error == .readOnly(path: dir.store, reason: "the file is not writable"))
        #expect(
            error?.description
                == "store \(dir.store) is read-only (permission denied): the file is not writable; nothing was written")
        #expect(contents(dir.store) == bytes)
        chmod(dir.store, 0o600)
        try expectIntact(dir)
    }

    @Test("a directory the store cannot write in (WAL needs its side files)")
    func unwritableDirectory() throws {
        let dir = try TemporaryDirectory()
        try seeded(dir)
        chmod(dir.path, 0o500)
        let error = #expect(throws: StoreError.self) { try Store(path: dir.store) }
        #expect(error == .directoryNotWritable(path: dir.store, directory: dir.path))
        #expect(error?.description.contains("is not writable (permission denied)") == true)
        chmod(dir.path, 0o700)
        try expectIntact(dir)
    }

    @Test("a new store in a read-only directory")
    func newStoreInReadOnlyDirectory() throws {
        let dir = try TemporaryDirectory()
        chmod(dir.path, 0o500)
        #expect(throws: StoreError.directoryNotWritable(path: dir.store, directory: dir.path)) {
            try Store(path: dir.store)
        }
        chmod(dir.path, 0o700)
        #expect(!FileManager.default.fileExists(atPath: dir.store))
    }

    @Test("a missing directory that cannot be created")
    func missingDirectoryCannotBeCreated() throws {
        let dir = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir.file("afile"), contents: Data("x".utf8))
        let underFile = dir.path + "/afile/sub/oncall.sqlite"
        let error = #expect(throws: StoreError.self) { try Store(path: underFile) }
        guard case .cannotCreateDirectory(let path, let directory, _) = error else {
            Issue.record("expected cannotCreateDirectory, got \(String(describing: error))")
            return
        }
        #expect(path == underFile && directory == dir.path + "/afile/sub")
        #expect(error?.description.hasPrefix("store \(underFile): cannot create its directory") == true)

        try FileManager.default.createDirectory(atPath: dir.file("locked"), withIntermediateDirectories: false)
        chmod(dir.file("locked"), 0o500)
        let underLocked = dir.path + "/locked/new/oncall.sqlite"
        #expect(
            throws: StoreError.cannotCreateDirectory(
                path: underLocked, directory: dir.path + "/locked/new",
                reason: "permission denied in \(dir.path)/locked")
        ) { try Store(path: underLocked) }
    }

    @Test(
        "a file that is not SQLite is refused and left untouched",
        arguments: [
            Data(String(repeating: "not a database, just some notes\n", count: 200).utf8),
            Data("tiny".utf8),
            Data([UInt8](repeating: 0, count: 8192)),
        ])
    func notSQLite(content: Data) throws {
        let dir = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir.store, contents: content)
        let error = #expect(throws: StoreError.self) { try Store(path: dir.store) }
        #expect(error == .notADatabase(path: dir.store))
        #expect(
            error?.description.hasPrefix("store \(dir.store) is not an oncall store (not an SQLite database)") == true)
        #expect(contents(dir.store) == content)
        #expect(!FileManager.default.fileExists(atPath: dir.store + "-wal"))
    }

    @Test("a corrupt file is refused and left untouched", arguments: ["schema page", "data pages"])
    func corruptFile(damage: String) throws {
        let dir = try TemporaryDirectory()
        try seeded(dir)
        var bytes = try #require(contents(dir.store))
        #expect(bytes.count >= 3 * 4096)
        let range = damage == "schema page" ? 100..<4096 : 4096..<bytes.count
        for i in range { bytes[i] = UInt8(truncatingIfNeeded: i &* 7 &+ 13) }
        try bytes.write(to: URL(fileURLWithPath: dir.store))

        let error = #expect(throws: StoreError.self) {
            let store = try Store(path: dir.store)
            _ = try store.loadBoard(all: true, now: When.now)
        }
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("store \(dir.store) is corrupt (") == true)
        #expect(contents(dir.store) == bytes)
    }

    @Test("a value this version cannot read is listed on the board, and a command on it reports corruption")
    func unreadableValue() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(1))])
        try store.perform { records in
            try (records as! DatabaseLookup).db.execute(sql: "UPDATE escalation SET state = 'bogus', labels = '{'")
            return Outcome(message: "damage")
        }
        let board = try store.loadBoard(all: true, now: When.now)
        #expect(board.unreadable == [UnreadableRecord(ref: RecordRef(.escalation, 1), reason: "an unknown state 'bogus'")])
        #expect(
            throws: StoreError.corrupt(path: dir.store, reason: "escalation 1 has an unknown state 'bogus'")
        ) { try store.perform { records in _ = try records.escalation(1); return Outcome(message: "read") } }
    }

    @Test("a store from a newer oncall is refused, not migrated")
    func newerSchema() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try Store(path: dir.store)
            try store.perform { records in
                try (records as! DatabaseLookup).db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')")
                return Outcome(message: "future")
            }
        }
        let error = #expect(throws: StoreError.self) { try Store(path: dir.store) }
        #expect(error == .newerSchema(path: dir.store, migrations: ["v99"]))
        #expect(error?.description.contains("was written by a newer oncall") == true)
    }

    @Test("a write lock held by another connection past the busy timeout")
    func lockHeldTooLong() throws {
        let dir = try TemporaryDirectory()
        try seeded(dir)
        let holder = try Store(path: dir.store)
        let store = try Store(path: dir.store, busyTimeout: 0.2)
        try holder.perform { _ in
            // The holder is inside its write transaction: the other writer waits 0.2 s, then gives up clearly.
            let error = #expect(throws: StoreError.self) {
                try store.write([.ticket(Sample.ticket(2))])
            }
            #expect(error == .locked(path: dir.store, waitedSeconds: 0.2))
            #expect(
                error?.description
                    == "store \(dir.store) is locked by another process (waited up to 200 ms); try again, nothing was written"
            )
            // Readers are never blocked by a writer in WAL mode; a new Store opens too.
            let seen = try store.loadBoard(now: When.now)
            let opened = try Store(path: dir.store, busyTimeout: 0.2).loadBoard(now: When.now)
            #expect(seen.escalations.count == 1 && opened.tickets.count == 1)
            return Sample.outcome([])
        }
        // Once the lock is released the same store writes normally.
        try store.write([.ticket(Sample.ticket(2))])
        #expect(try store.loadBoard(now: When.now).tickets.map(\.id).sorted() == [1, 2])
    }

    @Test("a full disk: the command fails clearly and nothing of it is written")
    func diskFull() throws {
        let dir = try TemporaryDirectory()
        try seeded(dir)
        // Cap the file near the pages it holds now (the seeded store was closed, so its WAL is checkpointed;
        // opening it again costs GRDB a page or two to recreate a non-empty WAL).
        let pages = try #require(contents(dir.store)).count / 4096
        let full = try Store(path: dir.store, busyTimeout: 1, maxPageCount: pages + 2)
        let big = (0..<200).map { id -> Change in
            var t = Sample.ticket(Int64(100 + id))
            t.subject = String(repeating: "x", count: 2000)
            return .ticket(t)
        }
        let error = #expect(throws: StoreError.self) { try full.write(big) }
        guard case .full = error else {
            Issue.record("expected full, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("the disk is full") == true)
        try expectIntact(dir)
        #expect(try full.loadBoard(now: When.now).tickets.map(\.id) == [1])
    }

    @Test("a real file-size limit (RLIMIT_FSIZE): a clear error, no crash from SIGXFSZ, the store intact")
    func fileSizeLimit() throws {
        let dir = try TemporaryDirectory()
        try seeded(dir)
        let store = try Store(path: dir.store)  // opening also sets SIGXFSZ to ignored
        // 16 MB: far above what any other test writes while this one runs, far below what this write needs.
        let limit: rlim_t = 16 << 20
        var previous = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &previous)
        var lowered = rlimit(rlim_cur: min(limit, previous.rlim_max), rlim_max: previous.rlim_max)
        let huge = (0..<10_000).map { id -> Change in
            var t = Sample.ticket(Int64(100 + id))
            t.subject = String(repeating: "y", count: 2_000)
            return .ticket(t)
        }
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &lowered)
        let error = #expect(throws: StoreError.self) { try store.write(huge) }
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &previous)
        let explained = error?.description ?? ""
        #expect(explained.contains("disk is full") || explained.contains("file-size limit"), "\(explained)")
        try expectIntact(dir)
    }

    @Test("opening a store that needs migrating while another writer holds the lock")
    func lockedDuringMigration() throws {
        let dir = try TemporaryDirectory()
        let other = try DatabaseQueue(path: dir.store)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE TABLE other (x); BEGIN IMMEDIATE; INSERT INTO other VALUES (1)")
            #expect(throws: StoreError.locked(path: dir.store, waitedSeconds: 0.2)) {
                try Store(path: dir.store, busyTimeout: 0.2)
            }
            try db.execute(sql: "COMMIT")
        }
        try other.close()
        // Once the other writer is done, the store opens, migrates, and the other table is still there.
        let store = try Store(path: dir.store)
        try store.write([.ticket(Sample.ticket(1))])
        let kept = try store.perform(dryRun: true) { records in
            let count = try Int.fetchOne((records as! DatabaseLookup).db, sql: "SELECT count(*) FROM other")
            return Outcome(message: "\(count ?? -1)")
        }
        #expect(kept.message == "1")
    }
}
