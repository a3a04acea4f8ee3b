import Foundation
import GRDB
import OnCallRules

extension AuditEvent {
    init(row: Row) throws {
        self.init(
            id: try row.value("id"), at: try row.date("at"), actor: try row.value("actor"),
            verb: try row.value("verb"),
            target: RecordRef(
                try StoredValue.enumValue(row, "targetKind", table: "audit"), try row.value("targetId")),
            before: try row.value("before"), after: try row.value("after"), note: try row.value("note"))
    }

    /// Appends the event and returns it with the id the store gave it.
    func insert(_ db: Database) throws -> AuditEvent {
        try db.cachedStatement(
            sql: #"INSERT INTO audit (at, actor, verb, targetKind, targetId, "before", "after", note) VALUES (?,?,?,?,?,?,?,?)"#
        ).execute(arguments: [at.stored, actor, verb, target.kind.rawValue, target.id, before, after, note])
        var written = self
        written.id = db.lastInsertedRowID
        return written
    }
}
