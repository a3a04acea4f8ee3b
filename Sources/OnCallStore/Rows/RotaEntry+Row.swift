import Foundation
import GRDB
import OnCallRules

extension RotaEntry {
    static let columns = #"id, name, region, start, "end", kind, covering, note, source, revision"#

    init(row: Row) throws {
        self.init(
            id: try row.value("id"), name: try row.value("name"),
            region: try StoredValue.optionalEnum(row, "region", table: "rota"),
            start: try row.date("start"), end: try row.date("end"),
            kind: try StoredValue.enumValue(row, "kind", table: "rota"), covering: try row.value("covering"),
            note: try row.value("note"), source: try row.value("source"))
    }

    /// Rota entries carry no revision in the record; the store still counts writes in its column.
    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO rota (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [
                id, name, region?.rawValue, start.stored, end.stored, kind.rawValue, covering, note, source, revision,
            ])
    }
}
