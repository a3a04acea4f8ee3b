import Foundation
import OnCallRules
import Testing

@testable import OnCallStore

/// The dashboard and `status` read only open records, through indexes, so they cost the same after a year of
/// history. Plans as checked with `EXPLAIN QUERY PLAN` (SQLite 3.40) on the large bench size (100,000 tickets,
/// 2,000 waiting; 10,000 escalations, 200 open; 1,000 emergencies, 20 active):
///
///     waitingTickets   SCAN ticket USING INDEX ticket_waiting
///     openEscalations  SEARCH escalation USING INDEX escalation_open (state=?) / USE TEMP B-TREE FOR ORDER BY
///     openEmergencies  SEARCH emergency USING INDEX emergency_open (state=?) / USE TEMP B-TREE FOR ORDER BY
///     rotaWindow       SEARCH rota USING INDEX rota_end (end>?) / USE TEMP B-TREE FOR ORDER BY
///     pendingUpgrades  SCAN upgrade USING INDEX upgrade_pending
///     activeNotices    SCAN notice USING INDEX notice_active
///     newestAudit      SEARCH audit USING COVERING INDEX audit_at
///     auditNewest      SCAN audit (rowid order, stops at LIMIT)
///     auditForTarget   SEARCH audit USING INDEX audit_target (targetKind=? AND targetId=?)
///     auditSince       SEARCH audit USING INDEX audit_at (at>?)   (the hand-off report's "done this shift")
///     lookup           SEARCH ticket USING INTEGER PRIMARY KEY (rowid=?)
///
/// The temporary sorts are over the open rows only (hundreds at most). The plans do not depend on row counts
/// (no ANALYZE), so the test checks them on a smaller store.
@Suite("Store query plans")
struct StoreQueryPlanTests {
    /// A store with history: `tickets` tickets of which one in 50 waits, escalations and emergencies mostly
    /// closed, a month of rota, an audit event per record.
    static func seed(_ store: Store, tickets: Int, escalations: Int, emergencies: Int) throws {
        var changes: [Change] = []
        for id in 1...tickets {
            changes.append(
                .ticket(Sample.ticket(Int64(id), replied: id % 50 != 0, status: id % 7 == 0 ? .solved : .open)))
        }
        for id in 1...escalations {
            changes.append(.escalation(Sample.escalation(Int64(id), state: id % 50 == 0 ? .new : .resolved)))
        }
        for id in 1...emergencies {
            changes.append(.emergency(Sample.emergency(Int64(id), state: id % 50 == 0 ? .triggered : .resolved)))
        }
        for day in 0..<30 {
            changes.append(.rota(Sample.rota(Int64(day + 1), name: "m\(day % 5)", startHours: Double(day - 20) * 24)))
        }
        try store.write(changes)
    }

    @Test("every board query reads through an index; the audit log and lookups too")
    func plansUseIndexes() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.store)
        try Self.seed(store, tickets: 5_000, escalations: 500, emergencies: 100)
        let plans = try store.queryPlans()
        let expected: [String: String] = [
            "waitingTickets": "SCAN ticket USING INDEX ticket_waiting",
            "openEscalations": "SEARCH escalation USING INDEX escalation_open (state=?)",
            "openEmergencies": "SEARCH emergency USING INDEX emergency_open (state=?)",
            "rotaWindow": "SEARCH rota USING INDEX rota_end (end>?)",
            "pendingUpgrades": "SCAN upgrade USING INDEX upgrade_pending",
            "activeNotices": "SCAN notice USING INDEX notice_active",
            "newestAudit": "SEARCH audit USING COVERING INDEX audit_at",
            "auditForTarget": "SEARCH audit USING INDEX audit_target (targetKind=? AND targetId=?)",
            "auditSince": "SEARCH audit USING INDEX audit_at (at>?)",
            "lookup": "SEARCH ticket USING INTEGER PRIMARY KEY (rowid=?)",
        ]
        for (name, line) in expected {
            #expect(plans[name]?.contains(line) == true, "\(name): \(plans[name] ?? [])")
        }
        // No board query scans a whole table.
        for (name, _) in BoardQueries.openQueries {
            let scans = (plans[name] ?? []).filter { $0.hasPrefix("SCAN") && !$0.contains("USING") }
            #expect(scans.isEmpty, "\(name) scans: \(scans)")
        }
        // The newest-first log walks the rowid backwards, without sorting.
        #expect(plans["auditNewest"] == ["SCAN audit"])
        #expect(plans["auditForTarget"]?.contains { $0.contains("TEMP B-TREE") } == false)
        #expect(plans["waitingTickets"]?.contains { $0.contains("TEMP B-TREE") } == false)

        let board = try store.loadBoard(now: When.now)
        #expect(board.tickets.count == 100 - 100 / 7)  // every 50th waits, unless also solved (every 350th)
        #expect(board.escalations.count == 10 && board.emergencies.count == 2)
    }
}
