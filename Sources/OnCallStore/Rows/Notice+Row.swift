import Foundation
import GRDB
import OnCallRules

extension Notice {
    static let columns = "id, kind, title, cmoc, link, since, clearedAt, clearedBy, revision"

    init(row: Row) throws {
        self.init(
            id: try row.value("id"), kind: try row.value("kind"), title: try row.value("title"),
            cmoc: try row.value("cmoc"), link: try row.value("link"), since: try row.date("since"),
            clearedAt: try row.optionalDate("clearedAt"), clearedBy: try row.value("clearedBy"),
            revision: try row.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO notice (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [id, kind, title, cmoc, link, since.stored, clearedAt?.stored, clearedBy, revision])
    }
}
