import Foundation
import GRDB
import OnCallRules

extension AuditEvent {
    /// Reads a row selected with `AuditQueries.columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "audit")
        self.init(
            id: try c.value("id"), at: try c.date("at"), actor: try c.value("actor"), verb: try c.value("verb"),
            target: RecordRef(try c.enumValue("targetKind"), try c.value("targetId")),
            before: try c.value("before"), after: try c.value("after"), note: try c.value("note"))
    }

    /// Appends the event and returns it with the id the store gave it.
    func insert(_ db: Database) throws -> AuditEvent {
        try db.cachedStatement(
            sql: "INSERT INTO audit (\(AuditQueries.insertColumns)) VALUES (?,?,?,?,?,?,?,?)"
        ).execute(arguments: [at.stored, actor, verb, target.kind.rawValue, target.id, before, after, note])
        var written = self
        written.id = db.lastInsertedRowID
        return written
    }
}
