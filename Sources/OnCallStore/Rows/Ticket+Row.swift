import Foundation
import GRDB
import OnCallRules

extension Ticket {
    static let columns = """
        id, subject, organization, plan, priority, status, createdAt, firstReplyAt, region, assignee, \
        slaBreachAt, slaPaused, sourceUpdatedAt, revision
        """

    init(row: Row) throws {
        self.init(
            id: try row.value("id"), subject: try row.value("subject"), organization: try row.value("organization"),
            plan: try StoredValue.enumValue(row, "plan", table: "ticket"),
            priority: try StoredValue.optionalEnum(row, "priority", table: "ticket"),
            status: try StoredValue.enumValue(row, "status", table: "ticket"),
            createdAt: try row.date("createdAt"), firstReplyAt: try row.optionalDate("firstReplyAt"),
            region: try StoredValue.optionalEnum(row, "region", table: "ticket"),
            assignee: try row.value("assignee"), slaBreachAt: try row.optionalDate("slaBreachAt"),
            slaPaused: try row.value("slaPaused"), sourceUpdatedAt: try row.optionalDate("sourceUpdatedAt"),
            revision: try row.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO ticket (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: [
                id, subject, organization, plan.rawValue, priority?.rawValue, status.rawValue, createdAt.stored,
                firstReplyAt?.stored, region?.rawValue, assignee, slaBreachAt?.stored, slaPaused, sourceUpdatedAt?.stored, revision,
            ])
    }
}
