import Foundation
import GRDB
import OnCallRules

/// The records as a command sees them inside its write transaction.
struct DatabaseLookup: RecordLookup {
    let db: Database

    static let ticketById = "SELECT \(Ticket.columns) FROM ticket WHERE id = ?"

    private func one<T>(_ table: String, _ columns: String, _ id: Int64, _ make: (Row) throws -> T) throws -> T? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM \(table) WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(make)
    }

    func ticket(_ id: Int64) throws -> Ticket? { try one("ticket", Ticket.columns, id, Ticket.init(row:)) }
    func escalation(_ id: Int64) throws -> Escalation? {
        try one("escalation", Escalation.columns, id, Escalation.init(row:))
    }
    func emergency(_ id: Int64) throws -> Emergency? {
        try one("emergency", Emergency.columns, id, Emergency.init(row:))
    }
    func emergency(incidentId: String) throws -> Emergency? {
        let sql = "SELECT \(Emergency.columns) FROM emergency WHERE incidentId = ? ORDER BY id LIMIT 1"
        return try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [incidentId]).map(Emergency.init(row:))
    }
    func emergencies(ticket: Int64) throws -> [Emergency] {
        let sql = "SELECT \(Emergency.columns) FROM emergency WHERE ticket = ? ORDER BY id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [ticket]).map(Emergency.init(row:))
    }
    func emergencies(incidentNumber: Int64) throws -> [Emergency] {
        let sql = "SELECT \(Emergency.columns) FROM emergency WHERE incidentNumber = ? ORDER BY id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [incidentNumber]).map(Emergency.init(row:))
    }
    func escalation(projectId: Int64, iid: Int64) throws -> Escalation? {
        let sql = "SELECT \(Escalation.columns) FROM escalation WHERE projectId = ? AND iid = ?"
        return try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [projectId, iid]).map(Escalation.init(row:))
    }
    func escalations(number: Int64) throws -> [Escalation] {
        let sql = "SELECT \(Escalation.columns) FROM escalation WHERE coalesce(iid, id) = ? ORDER BY id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [number]).map(Escalation.init(row:))
    }
    func upgrade(_ id: Int64) throws -> UpgradeRequest? {
        try one("upgrade", UpgradeRequest.columns, id, UpgradeRequest.init(row:))
    }
    func notice(_ id: Int64) throws -> Notice? { try one("notice", Notice.columns, id, Notice.init(row:)) }

    func rota(from: Date, to: Date) throws -> [RotaEntry] {
        try Row.fetchAll(db.cachedStatement(sql: BoardQueries.rotaWindow), arguments: [from.stored, to.stored])
            .map(RotaEntry.init(row:))
    }

    func nextId(_ kind: RecordKind) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM \(kind.rawValue)") ?? 1
    }

    /// The stored revision of a record, nil when there is none.
    func revision(of ref: RecordRef) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT revision FROM \(ref.kind.rawValue) WHERE id = ?"), arguments: [ref.id])
    }

    /// A few words on what the record is now, for a conflict message ("now acknowledged by bob").
    func currentState(of ref: RecordRef) throws -> String {
        switch ref.kind {
        case .ticket:
            guard let t = try ticket(ref.id) else { return "it no longer exists" }
            return t.firstReplyAt != nil ? "now replied to" : "now \(t.status.rawValue)"
        case .escalation:
            guard let e = try escalation(ref.id) else { return "it no longer exists" }
            let who = e.state == .assigned ? e.owner : e.state == .acknowledged ? e.acknowledgedBy : nil
            return "now \(e.state.rawValue)" + (who.map { " by \($0)" } ?? "")
        case .emergency:
            guard let e = try emergency(ref.id) else { return "it no longer exists" }
            return "now \(e.state.rawValue)" + (e.lead.map { ", led by \($0)" } ?? "")
        case .rota:
            return try revision(of: ref) == nil ? "it no longer exists" : "it was edited"
        case .upgrade:
            guard let u = try upgrade(ref.id) else { return "it no longer exists" }
            return u.done ? "now done" : "now with \(u.engineer ?? "no engineer")"
        case .notice:
            guard let n = try notice(ref.id) else { return "it no longer exists" }
            return n.clearedAt == nil ? "it was edited" : "now cleared by \(n.clearedBy ?? "someone")"
        }
    }
}
