import Foundation
import GRDB
import OnCallRules
import Testing

@testable import OnCallStore

@Suite("Store migrations")
struct StoreMigrationTests {
    /// What the v1 fixture (`Fixtures/schema-v1.sql`) holds: these records written at `When.now`, then
    /// escalation 88 acknowledged five minutes later.
    static let v1Records: [Change] = [
        .ticket(Sample.ticket(1)), .ticket(Sample.ticket(2, replied: true)),
        .escalation(Sample.escalation(88)), .emergency(Sample.emergency(7)),
        .rota(Sample.rota(1, name: "Ana Lúcia", startHours: -2)), .upgrade(Sample.upgrade(5)),
        .notice(Sample.notice(3)),
    ]
    static let v1Acknowledged = Sample.escalation(88, state: .acknowledged)

    @Test("a new store gets every migration; opening it again changes nothing")
    func fromEmpty() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        let applied = try store.perform(dryRun: true) { records in
            let db = (records as! DatabaseLookup).db
            let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return Outcome(message: (migrations + ["|"] + tables).joined(separator: " "))
        }
        #expect(
            applied.message == "v1 v2 ticket-form-tags-stage | audit emergency escalation grdb_migrations notice rota ticket upgrade")
        try store.write([.ticket(Sample.ticket(1))])
        let reopened = try Store(path: dir.store)
        #expect(try reopened.loadBoard(now: When.now).tickets.map(\.id) == [1])
        #expect(try reopened.hasExternalChanges() == false)
    }

    /// One dump per released schema: v1 (no `rescheduledAt`), v2 (the same records, upgrade 5 rescheduled).
    @Test(
        "a store written by an older schema opens and keeps every record and audit event",
        arguments: ["schema-v1", "schema-v2"])
    func fromReleasedSchema(_ fixture: String) throws {
        let dir = try TemporaryDirectory()
        let url = try #require(
            Bundle.module.url(forResource: fixture, withExtension: "sql", subdirectory: "Fixtures"))
        let dump = try String(contentsOf: url, encoding: .utf8)
        do {
            let queue = try DatabaseQueue(path: dir.store)
            try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
        }
        let store = try Store(path: dir.store)
        let board = try store.loadBoard(all: true, now: When.now)
        // Each record was written once (revision 1); escalation 88 twice.
        var expected = Board()
        expected.apply(Self.v1Records)
        expected.escalations = [
            {
                var e = Self.v1Acknowledged
                e.revision = 2
                return e
            }()
        ]
        #expect(board.tickets == expected.tickets)
        #expect(board.escalations == expected.escalations)
        #expect(board.emergencies == expected.emergencies)
        #expect(board.rota == expected.rota)
        // v1 had no `rescheduledAt`: v2 adds the column empty; the v2 dump keeps its value.
        #expect(
            board.upgrades
                == expected.upgrades.map {
                    var u = $0
                    if fixture == "schema-v1" { u.rescheduledAt = nil }
                    return u
                })
        #expect(board.notices == expected.notices)
        #expect(board.asOf == When.at(5))
        let log = try store.auditLog(limit: 100)
        #expect(log.count == Self.v1Records.count + 1)
        #expect(log.first?.target == RecordRef(.escalation, 88))
        #expect(log.map(\.id) == (1...Int64(log.count)).reversed().map { $0 })
        // Still append-only, and new events continue the sequence.
        let next = try store.write([.ticket(Sample.ticket(3))])
        #expect(next.audit.first?.id == Int64(log.count + 1))
        #expect(try store.integrityCheck() == ["ok"])
    }
}

/// Issue 14 item 3: several processes opening an old store at once after an upgrade all succeed, and each
/// migration runs once. (Separate `Store`s are separate SQLite connections: the same locking as processes.)
@Suite("Store migrations, concurrently")
struct StoreConcurrentMigrationTests {
    @Test("eight openers of a v1 store at once all succeed, round after round", arguments: ["schema-v1"])
    func concurrentOpenersOfAnOldStore(_ fixture: String) throws {
        let url = try #require(
            Bundle.module.url(forResource: fixture, withExtension: "sql", subdirectory: "Fixtures"))
        let dump = try String(contentsOf: url, encoding: .utf8)
        let rounds = ProcessInfo.processInfo.environment["ONCALL_LONG_CHECKS"] == "1" ? 40 : 8
        for round in 0..<rounds {
            let dir = try TemporaryDirectory()
            do {
                let queue = try DatabaseQueue(path: dir.store)
                try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
                try queue.close()
            }
            let failures = Failures()
            let path = dir.store
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    let store = try Store(path: path)
                    _ = try store.loadBoard(all: true, now: When.now)
                } catch {
                    failures.add("\(error)")
                }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
            let store = try Store(path: dir.store)
            let applied = try store.perform(dryRun: true) { records in
                let db = (records as! DatabaseLookup).db
                let ids = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                return Outcome(message: ids.joined(separator: " "))
            }
            #expect(applied.message == StoreSchema.migrator.migrations.sorted().joined(separator: " "))
            #expect(try store.integrityCheck() == ["ok"])
        }
    }
}

/// Errors collected from concurrent openers.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.withLock { list.append(text) } }
    var all: [String] { lock.withLock { list } }
}
