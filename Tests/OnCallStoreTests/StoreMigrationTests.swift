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
            applied.message
                == "v1 v2 ticket-form-tags-stage vendor-identity-keys sync-state emergency-service | audit emergency "
                + "escalation escalation_link grdb_migrations notice person rota sync_cursor sync_lease sync_status ticket upgrade")
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
        let dump = try SchemaFixture.sql(fixture)
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

    /// Issue 17's re-keying: identities are new columns and indexes, every record keeps its number, so the
    /// append-only audit log (whose `targetId`s can never be rewritten) still points at each record.
    @Test(
        "vendor-identity-keys keeps every record, its number and its audit history, and finds them by identity",
        arguments: ["schema-v1", "schema-v2"])
    func vendorIdentityKeys(_ fixture: String) throws {
        let dir = try TemporaryDirectory()
        let dump = try SchemaFixture.sql(fixture)
        do {
            let queue = try DatabaseQueue(path: dir.store)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: dump)
                // What the old keying could leave: one incident filed under two numbers (its title gained a
                // ticket number later), each with its own audit history.
                for (id, ticket) in [(320624, "NULL"), (512911, "512911")] {
                    try db.execute(
                        sql: """
                            INSERT INTO emergency (id, ticket, title, pagedAt, state, incidentId, incidentNumber, \
                            revision) VALUES (\(id), \(ticket), 'Geo down', '2026-11-18 10:00:00.000', 'triggered', \
                            'PDUP1', 320624, 1);
                            INSERT INTO audit (at, actor, verb, targetKind, targetId) VALUES \
                            ('2026-11-18 11:12:00.000', 'import:pagerduty', 'import.new', 'emergency', \(id));
                            """)
                }
            }
        }
        let store = try Store(path: dir.store)
        let board = try store.loadBoard(all: true, now: When.now)
        #expect(board.emergencies.map(\.id).sorted() == [7, 320624, 512911])
        #expect(board.emergencies.filter { !$0.pageTimeKnown }.isEmpty)
        let escalation = try #require(board.escalations.first)
        #expect(escalation.id == 88 && escalation.iid == nil && escalation.projectId == nil && escalation.number == 88)
        // Every audit event still reaches its record.
        #expect(try store.auditLog(limit: 10, target: RecordRef(.escalation, 88)).count == 2)
        #expect(try store.auditLog(limit: 10, target: RecordRef(.emergency, 7)).count == 1)
        #expect(try store.auditLog(limit: 10, target: RecordRef(.emergency, 512911)).count == 1)
        #expect(try store.auditLog(limit: 100).count == Self.v1Records.count + 3)
        // The new lookups answer on the migrated rows.
        let found = try store.lookup { records in
            (
                try records.emergency(incidentId: "PT4KHLK")?.id, try records.emergency(incidentId: "PDUP1")?.id,
                try records.emergencies(ticket: 512911).map(\.id), try records.emergencies(incidentNumber: 320624).count,
                try records.escalations(number: 88).map(\.id)
            )
        }
        #expect(found.0 == 7 && found.1 == 320624 && found.2 == [512911] && found.3 == 2 && found.4 == [88])
        // An escalation with a project: one row per (project, iid), the second project's iid 88 another row.
        var adopted = escalation
        adopted.iid = 88
        adopted.projectId = 4
        adopted.project = "my-group/my-project"
        var other = Sample.escalation(89)
        other.iid = 88
        other.projectId = 7
        try store.write([.escalation(adopted), .escalation(other)])
        let both = try store.lookup { records in try records.escalations(number: 88).map(\.reference) }
        #expect(both == ["my-group/my-project#88", "7#88"])
        #expect(try store.lookup { try $0.escalation(projectId: 7, iid: 88)?.id } == 89)
        #expect(try store.integrityCheck() == ["ok"])
    }
}

/// Issue 14 item 3: several processes opening an old store at once after an upgrade all succeed, and each
/// migration runs once. (Separate `Store`s are separate SQLite connections: the same locking as processes.)
@Suite("Store migrations, concurrently")
struct StoreConcurrentMigrationTests {
    @Test("eight openers of a v1 store at once all succeed, round after round", arguments: ["schema-v1"])
    func concurrentOpenersOfAnOldStore(_ fixture: String) throws {
        let dump = try SchemaFixture.sql(fixture)
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
