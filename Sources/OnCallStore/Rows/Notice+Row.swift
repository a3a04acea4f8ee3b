import Foundation
import GRDB
import OnCallRules

extension Notice {
    static let columns = "id, kind, title, cmoc, link, since, clearedAt, clearedBy, revision"

    /// Reads a row selected with `columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "notice")
        self.init(
            id: try c.value("id"), kind: try c.value("kind"), title: try c.value("title"), cmoc: try c.value("cmoc"),
            link: try c.value("link"), since: try c.date("since"), clearedAt: try c.optionalDate("clearedAt"),
            clearedBy: try c.value("clearedBy"), revision: try c.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO notice (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [id, kind, title, cmoc, link, since.stored, clearedAt?.stored, clearedBy, revision])
    }
}
