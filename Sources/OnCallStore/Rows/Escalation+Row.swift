import Foundation
import GRDB
import OnCallRules

extension Escalation {
    static let columns = """
        id, ticket, title, customer, urgency, state, announcedAt, acknowledgedBy, acknowledgedAt, owner, labels, \
        resolutionComment, rejectionReason, closedAt, emergencyId, sourceUpdatedAt, iid, \
        projectId, project, revision
        """

    /// Reads a row selected with `columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "escalation")
        self.init(
            id: try c.value("id"), ticket: try c.value("ticket"), title: try c.value("title"),
            customer: try c.value("customer"), urgency: try c.enumValue("urgency"), state: try c.enumValue("state"),
            announcedAt: try c.date("announcedAt"), acknowledgedBy: try c.value("acknowledgedBy"),
            acknowledgedAt: try c.optionalDate("acknowledgedAt"), owner: try c.value("owner"),
            labels: try c.json("labels"), resolutionComment: try c.value("resolutionComment"),
            rejectionReason: try c.value("rejectionReason"), closedAt: try c.optionalDate("closedAt"),
            emergencyId: try c.value("emergencyId"), sourceUpdatedAt: try c.optionalDate("sourceUpdatedAt"),
            iid: try c.value("iid"), projectId: try c.value("projectId"), project: try c.value("project"),
            revision: try c.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO escalation (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            id, ticket, title, customer, urgency.rawValue, state.rawValue, announcedAt.stored, acknowledgedBy,
            acknowledgedAt?.stored, owner, try StoredValue.json(labels), resolutionComment, rejectionReason,
            closedAt?.stored,
            emergencyId, sourceUpdatedAt?.stored, iid, projectId, project, revision,
        ])
    }
}
