import Foundation
import GRDB
import OnCallRules
import Testing

@testable import OnCallStore

@Suite("Store transactions")
struct StoreTransactionTests {
    @Test("every record kind round-trips, revision 1 on insert, +1 on each write")
    func roundTripAndRevisions() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        let written = try store.write([
            .ticket(Sample.ticket(1)), .escalation(Sample.escalation(88, state: .acknowledged)),
            .emergency(Sample.emergency(7)), .rota(Sample.rota(1, name: "Ana", startHours: -2)),
            .upgrade(Sample.upgrade(5)), .notice(Sample.notice(3)),
        ])
        #expect(written.audit.allSatisfy { $0.id != nil })
        let board = try store.loadBoard(now: When.now)
        var ticket = Sample.ticket(1)
        ticket.revision = 1
        #expect(board.tickets == [ticket])
        var escalation = Sample.escalation(88, state: .acknowledged)
        escalation.revision = 1
        #expect(board.escalations == [escalation])
        var emergency = Sample.emergency(7)
        emergency.revision = 1
        #expect(board.emergencies == [emergency])
        #expect(board.rota == [Sample.rota(1, name: "Ana", startHours: -2)])
        #expect(board.upgrades.map(\.revision) == [1])
        #expect(board.notices.map(\.revision) == [1])
        #expect(board.asOf == When.now)

        ticket.subject = "changed"
        let again = try store.write([.ticket(ticket)], minutes: 1)
        #expect(
            again.changes == [
                .ticket(
                    {
                        var t = ticket
                        t.revision = 2
                        return t
                    }())
            ])
        #expect(try store.loadBoard(now: When.now).tickets.map(\.revision) == [2])
        #expect(try store.loadBoard(now: When.now).asOf == When.at(1))
    }

    @Test("the lookup inside a transaction sees the stored records and the next free ids")
    func lookupInsideTransaction() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(88)), .rota(Sample.rota(4, name: "Ana", startHours: 1))])
        try store.perform(dryRun: true) { records in
            let found = try records.escalation(88)
            let missing = try records.escalation(89)
            let ids = (try records.nextId(.rota), try records.nextId(.notice))
            let now = try records.rota(from: When.now, to: When.at(120))
            let later = try records.rota(from: When.at(600), to: When.at(700))
            #expect(found?.title == "Escalation 88" && missing == nil)
            #expect(ids == (5, 1))
            #expect(now.map(\.id) == [4] && later.isEmpty)
            return Outcome(message: "looked")
        }
    }

    @Test("a command that throws writes nothing, and its error passes through unchanged")
    func throwingBodyWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(1))])
        let refusal = RuleError.refused("escalation 1 is already acknowledged by bob at 14:02 UTC")
        #expect(throws: refusal) {
            try store.perform { records in
                // Even after reading, and after the body built changes, nothing may land.
                _ = try records.escalation(1)
                throw refusal
            }
        }
        #expect(try store.loadBoard(now: When.now).escalations.map(\.revision) == [1])
        #expect(try store.auditLog(limit: 10).count == 1)
    }

    @Test("a dry run runs everything, returns the would-be revisions and writes nothing")
    func dryRunWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(1))])
        let before = try store.loadBoard(now: When.now)
        let outcome = try store.perform(dryRun: true) { records in
            var e = try #require(try records.escalation(1))
            e.state = .acknowledged
            return Sample.outcome([.escalation(e), .ticket(Sample.ticket(2))])
        }
        #expect(outcome.changes.map(\.ref) == [RecordRef(.escalation, 1), RecordRef(.ticket, 2)])
        if case .escalation(let e) = outcome.changes.first { #expect(e.revision == 2) }
        #expect(try store.loadBoard(now: When.now) == before)
        #expect(try store.auditLog(limit: 10).count == 1)
        #expect(try store.hasExternalChanges() == false)
    }

    @Test("a command against a record that changed since it was loaded is refused, naming the change")
    func revisionConflict() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.escalation(Sample.escalation(88))])
        let seen = try #require(try store.loadBoard(now: When.now).escalations.first)
        #expect(seen.revision == 1)
        // Someone else acknowledges it first.
        try store.write([.escalation(Sample.escalation(88, state: .acknowledged))])
        var bodyRan = false
        #expect(
            throws: RuleError.conflict(
                "escalation 88 changed since you loaded it: now acknowledged by bob; reload and try again")
        ) {
            try store.perform(expecting: ExpectedRevision(RecordRef(.escalation, 88), revision: seen.revision)) { _ in
                bodyRan = true
                return Sample.outcome([.escalation(seen)])
            }
        }
        #expect(!bodyRan)
        #expect(try store.loadBoard(now: When.now).escalations.first?.state == .acknowledged)
        // The current revision is accepted.
        try store.perform(expecting: ExpectedRevision(RecordRef(.escalation, 88), revision: 2)) { _ in Sample.outcome([]) }
    }

    @Test(
        "conflict messages for each kind",
        arguments: [
            (Change.ticket(Sample.ticket(1, replied: true)), "ticket 1 changed since you loaded it: now replied to"),
            (.emergency(Sample.emergency(2)), "emergency 2 changed since you loaded it: now triggered, led by alice"),
            (.upgrade(Sample.upgrade(3, done: true)), "upgrade 3 changed since you loaded it: now done"),
            (.notice(Sample.notice(4, cleared: true)), "notice 4 changed since you loaded it: now cleared by frank"),
        ])
    func conflictMessages(change: Change, message: String) throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([change])
        try store.write([change])
        #expect(throws: RuleError.conflict(message + "; reload and try again")) {
            try store.perform(expecting: ExpectedRevision(change.ref, revision: 1)) { _ in Sample.outcome([]) }
        }
        #expect(throws: RuleError.conflict("\(change.ref) was added since you loaded it; reload and try again")) {
            try store.perform(expecting: ExpectedRevision(change.ref, revision: 0)) { _ in Sample.outcome([]) }
        }
    }

    @Test("a record that disappeared is a conflict too")
    func deletedRotaConflict() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.rota(Sample.rota(1, name: "Ana", startHours: 0))])
        try store.write([.deleteRota(1)])
        #expect(try store.loadBoard(all: true, now: When.now).rota.isEmpty)
        #expect(
            throws: RuleError.conflict("rota 1 changed since you loaded it: it no longer exists; reload and try again")
        ) {
            try store.perform(expecting: ExpectedRevision(RecordRef(.rota, 1), revision: 1)) { _ in Sample.outcome([]) }
        }
    }

    @Test("the audit log is append-only: UPDATE and DELETE are refused by the database itself")
    func auditAppendOnly() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([.ticket(Sample.ticket(1))])
        let attempts = [
            "UPDATE audit SET actor = 'mallory'", "DELETE FROM audit",
        ]
        for sql in attempts {
            #expect {
                try store.perform { records in
                    try (records as! DatabaseLookup).db.execute(sql: sql)
                    return Outcome(message: "tamper")
                }
            } throws: { error in
                "\(error)".contains("the audit log is append-only")
            }
        }
        #expect(try store.auditLog(limit: 10).map(\.actor) == ["tester"])
    }

    @Test("the audit log reads newest first, limited, and by target")
    func auditLogOrder() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        for minute in 0..<5 {
            try store.write([.ticket(Sample.ticket(Int64(minute % 2 + 1)))], minutes: Double(minute))
        }
        let log = try store.auditLog(limit: 3)
        #expect(log.map(\.at) == [When.at(4), When.at(3), When.at(2)])
        #expect(log.first?.target == RecordRef(.ticket, 1))
        #expect(log.first?.before == "a" && log.first?.after == "b" && log.first?.note == "n")
        let forTwo = try store.auditLog(limit: 10, target: RecordRef(.ticket, 2))
        #expect(forTwo.map(\.at) == [When.at(3), When.at(1)])
        #expect(try store.auditLog(limit: 0).isEmpty)
    }

    @Test("the board holds open items only, unless all; rota from a day before to eight days after now")
    func boardOpenItems() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.write([
            .ticket(Sample.ticket(1)), .ticket(Sample.ticket(2, replied: true)),
            .ticket(Sample.ticket(3, status: .solved)), .ticket(Sample.ticket(4, status: .pending)),
            .ticket(Sample.ticket(5, status: .unknown)), .ticket(Sample.ticket(6, status: .deleted)),
            .escalation(Sample.escalation(1)), .escalation(Sample.escalation(2, state: .assigned)),
            .escalation(Sample.escalation(3, state: .resolved)), .escalation(Sample.escalation(4, state: .rejected)),
            .emergency(Sample.emergency(1)), .emergency(Sample.emergency(2, state: .acknowledged)),
            .emergency(Sample.emergency(3, state: .resolved)),
            .rota(Sample.rota(1, name: "old", startHours: -48)), .rota(Sample.rota(2, name: "recent", startHours: -30)),
            .rota(Sample.rota(3, name: "now", startHours: -1)), .rota(Sample.rota(4, name: "week", startHours: 180)),
            .rota(Sample.rota(5, name: "far", startHours: 200)),
            .upgrade(Sample.upgrade(1)), .upgrade(Sample.upgrade(2, done: true)),
            .notice(Sample.notice(1)), .notice(Sample.notice(2, cleared: true)),
        ])
        let open = try store.loadBoard(now: When.now)
        #expect(Set(open.tickets.map(\.id)) == [1, 4, 5])
        #expect(Set(open.escalations.map(\.id)) == [1, 2])
        #expect(Set(open.emergencies.map(\.id)) == [1, 2])
        #expect(open.rota.map(\.name) == ["recent", "now", "week"])
        #expect(open.upgrades.map(\.id) == [1])
        #expect(open.notices.map(\.id) == [1])
        let all = try store.loadBoard(all: true, now: When.now)
        #expect(all.tickets.map(\.id) == [1, 2, 3, 4, 5, 6])
        #expect(all.escalations.count == 4 && all.emergencies.count == 3 && all.rota.count == 5)
        #expect(all.upgrades.count == 2 && all.notices.count == 2)
        let counts = try store.counts()
        #expect(counts.tickets == 6 && counts.waitingTickets == 3 && counts.openEscalations == 2)
        #expect(counts.openEmergencies == 2 && counts.auditEvents == 22)
        #expect(
            try store.allEngineers() == [
                "alice", "bob", "carol", "dave", "erin", "far", "now", "old", "recent", "week",
            ])
    }

    @Test("the writer commits durably: synchronous=FULL in WAL mode, foreign keys on, a busy timeout")
    func durableSettings() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try store.perform { records in
            let db = (records as! DatabaseLookup).db
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous")
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode")
            let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
            let busy = try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            #expect(synchronous == 2)  // FULL
            #expect(journal == "wal")
            #expect(foreignKeys == true)
            #expect(busy == 5000)
            return Outcome(message: "checked")
        }
    }

    @Test("an empty store has an empty board and no 'as of'")
    func emptyBoard() throws {
        let dir = try TemporaryDirectory()
        let board = try Store(path: dir.store).loadBoard(now: When.now)
        #expect(board == Board())
        #expect(try Store(path: dir.store).integrityCheck() == ["ok"])
    }
}
