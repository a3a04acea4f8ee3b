import Foundation
import GRDB
import OnCallRules

extension Ticket {
    static let columns = """
        id, subject, organization, plan, priority, status, createdAt, firstReplyAt, region, assignee, \
        slaBreachAt, slaPaused, sourceUpdatedAt, form, tags, stage, revision
        """

    /// Reads a row selected with `columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "ticket")
        self.init(
            id: try c.value("id"), subject: try c.value("subject"), organization: try c.value("organization"),
            plan: try c.enumValue("plan"), priority: try c.optionalEnum("priority"), status: try c.enumValue("status"),
            createdAt: try c.date("createdAt"), firstReplyAt: try c.optionalDate("firstReplyAt"),
            region: try c.optionalEnum("region"), assignee: try c.value("assignee"),
            slaBreachAt: try c.optionalDate("slaBreachAt"), slaPaused: try c.value("slaPaused"),
            sourceUpdatedAt: try c.optionalDate("sourceUpdatedAt"), form: try c.value("form"),
            tags: try c.json("tags"), stage: try c.value("stage"), revision: try c.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO ticket (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        .execute(arguments: [
            id, subject, organization, plan.rawValue, priority?.rawValue, status.rawValue, createdAt.stored,
            firstReplyAt?.stored, region?.rawValue, assignee, slaBreachAt?.stored, slaPaused, sourceUpdatedAt?.stored,
            form, try StoredValue.json(tags), stage, revision,
        ])
    }
}
