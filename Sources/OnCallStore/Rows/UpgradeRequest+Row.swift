import Foundation
import GRDB
import OnCallRules

extension UpgradeRequest {
    static let columns = """
        id, customer, scheduledAt, requestedAt, complex, engineer, engineerChangedAt, previousEngineer, done, revision
        """

    init(row: Row) throws {
        self.init(
            id: try row.value("id"), customer: try row.value("customer"), scheduledAt: try row.date("scheduledAt"),
            requestedAt: try row.date("requestedAt"), complex: try row.value("complex"),
            engineer: try row.value("engineer"), engineerChangedAt: try row.optionalDate("engineerChangedAt"),
            previousEngineer: try row.value("previousEngineer"), done: try row.value("done"),
            revision: try row.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO upgrade (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [
                id, customer, scheduledAt.stored, requestedAt.stored, complex, engineer, engineerChangedAt?.stored, previousEngineer, done,
                revision,
            ])
    }
}
