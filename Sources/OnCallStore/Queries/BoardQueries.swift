import Foundation
import GRDB
import OnCallRules

/// The SQL behind `loadBoard`. Each open-item query repeats its partial index's WHERE clause word for word, so
/// SQLite can prove the index covers it (see `StoreQueryPlanTests` for the plans, checked at 100,000 tickets).
enum BoardQueries {
    static let waitingTickets = """
        SELECT \(Ticket.columns) FROM ticket
        WHERE firstReplyAt IS NULL AND status NOT IN ('solved', 'closed', 'deleted') ORDER BY createdAt
        """
    static let allTickets = "SELECT \(Ticket.columns) FROM ticket ORDER BY id"
    static let openEscalations = """
        SELECT \(Escalation.columns) FROM escalation
        WHERE state IN ('new', 'acknowledged', 'assigned') ORDER BY announcedAt, id
        """
    static let allEscalations = "SELECT \(Escalation.columns) FROM escalation ORDER BY id"
    static let openEmergencies = """
        SELECT \(Emergency.columns) FROM emergency
        WHERE state IN ('triggered', 'acknowledged') ORDER BY pagedAt, id
        """
    static let allEmergencies = "SELECT \(Emergency.columns) FROM emergency ORDER BY id"
    static let rotaWindow = #"SELECT \#(RotaEntry.columns) FROM rota WHERE "end" > ? AND start < ? ORDER BY start, id"#
    static let allRota = "SELECT \(RotaEntry.columns) FROM rota ORDER BY start, id"
    static let pendingUpgrades = "SELECT \(UpgradeRequest.columns) FROM upgrade WHERE done = 0 ORDER BY scheduledAt, id"
    static let allUpgrades = "SELECT \(UpgradeRequest.columns) FROM upgrade ORDER BY id"
    static let activeNotices = "SELECT \(Notice.columns) FROM notice WHERE clearedAt IS NULL ORDER BY since, id"
    static let allNotices = "SELECT \(Notice.columns) FROM notice ORDER BY id"
    static let newestAudit = "SELECT max(at) FROM audit"

    /// Every query `loadBoard(all: false)` runs, with sample arguments, for `EXPLAIN QUERY PLAN`.
    static let openQueries: [(name: String, sql: String)] = [
        ("waitingTickets", waitingTickets), ("openEscalations", openEscalations),
        ("openEmergencies", openEmergencies), ("rotaWindow", rotaWindow), ("pendingUpgrades", pendingUpgrades),
        ("activeNotices", activeNotices), ("newestAudit", newestAudit),
    ]

    /// Rows whose state is none this version knows: the open-item queries would skip them without a word.
    static let unknownEscalationStates = """
        SELECT id, state FROM escalation WHERE state NOT IN (\(quoted(EscalationState.allCases.map(\.rawValue))))
        """
    static let unknownEmergencyStates = """
        SELECT id, state FROM emergency WHERE state NOT IN (\(quoted(EmergencyState.allCases.map(\.rawValue))))
        """

    private static func quoted(_ words: [String]) -> String { words.map { "'\($0)'" }.joined(separator: ", ") }

    /// One row that cannot be read (an unknown urgency written by another tool) is listed in `unreadable`
    /// with its table, id and reason; every other row is still loaded. SQLite errors still throw.
    static func load(_ db: Database, all: Bool, now: Date) throws -> Board {
        var unreadable: [UnreadableRecord] = []
        func note(_ problem: StoredValueError) {
            guard let kind = RecordKind(rawValue: problem.table) else { return }
            unreadable.append(UnreadableRecord(ref: RecordRef(kind, problem.id ?? 0), reason: problem.reason))
        }
        func rows<T>(_ sql: String, _ arguments: StatementArguments = [], _ make: (Row) throws -> T) throws -> [T] {
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            var result: [T] = []
            while let row = try cursor.next() {
                do { result.append(try make(row)) } catch let problem as StoredValueError { note(problem) }
            }
            return result
        }
        if !all {
            for (table, sql) in [("escalation", unknownEscalationStates), ("emergency", unknownEmergencyStates)] {
                for row in try Row.fetchAll(db.cachedStatement(sql: sql)) {
                    let state: String? = row[1]
                    note(
                        StoredValueError(
                            table: table, id: row[0], reason: "an unknown state '\((state ?? "null").prefix(60))'"))
                }
            }
        }
        let day: TimeInterval = 86_400
        var board = Board(
            tickets: try rows(all ? allTickets : waitingTickets, [], Ticket.init(row:)),
            escalations: try rows(all ? allEscalations : openEscalations, [], Escalation.init(row:)),
            emergencies: try rows(all ? allEmergencies : openEmergencies, [], Emergency.init(row:)),
            rota: all
                ? try rows(allRota, [], RotaEntry.init(row:))
                : try rows(
                    rotaWindow, [now.addingTimeInterval(-day).stored, now.addingTimeInterval(8 * day).stored],
                    RotaEntry.init(row:)),
            upgrades: try rows(all ? allUpgrades : pendingUpgrades, [], UpgradeRequest.init(row:)),
            notices: try rows(all ? allNotices : activeNotices, [], Notice.init(row:)),
            asOf: try String.fetchOne(db.cachedStatement(sql: newestAudit)).flatMap(StoredDate.date))
        board.unreadable = unreadable.sorted { ($0.ref.kind.rawValue, $0.ref.id) < ($1.ref.kind.rawValue, $1.ref.id) }
        board.sources = try SyncQueries.health(db)
        board.people = try String.fetchAll(db.cachedStatement(sql: "SELECT name FROM person ORDER BY name"))
        return board
    }
}
