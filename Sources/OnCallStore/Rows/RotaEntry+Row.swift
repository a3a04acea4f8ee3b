import Foundation
import GRDB
import OnCallRules

extension RotaEntry {
    static let columns = #"id, name, region, start, "end", kind, covering, note, source, revision"#

    /// Reads a row selected with `columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "rota")
        self.init(
            id: try c.value("id"), name: try c.value("name"), region: try c.optionalEnum("region"),
            start: try c.date("start"), end: try c.date("end"), kind: try c.enumValue("kind"),
            covering: try c.value("covering"), note: try c.value("note"), source: try c.value("source"))
    }

    /// Rota entries carry no revision in the record; the store still counts writes in its column.
    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO rota (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [
                id, name, region?.rawValue, start.stored, end.stored, kind.rawValue, covering, note, source, revision,
            ])
    }
}
