import Foundation
import GRDB
import OnCallRules

extension UpgradeRequest {
    static let columns = """
        id, customer, scheduledAt, requestedAt, complex, engineer, engineerChangedAt, previousEngineer, done, revision
        """

    /// Reads a row selected with `columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "upgrade")
        self.init(
            id: try c.value("id"), customer: try c.value("customer"), scheduledAt: try c.date("scheduledAt"),
            requestedAt: try c.date("requestedAt"), complex: try c.value("complex"), engineer: try c.value("engineer"),
            engineerChangedAt: try c.optionalDate("engineerChangedAt"),
            previousEngineer: try c.value("previousEngineer"), done: try c.value("done"),
            revision: try c.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO upgrade (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [
                id, customer, scheduledAt.stored, requestedAt.stored, complex, engineer, engineerChangedAt?.stored,
                previousEngineer, done,
                revision,
            ])
    }
}
