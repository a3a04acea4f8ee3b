import Foundation
import GRDB
import OnCallRules

extension Escalation {
    static let columns = """
        id, ticket, title, customer, urgency, state, announcedAt, acknowledgedBy, acknowledgedAt, owner, labels, \
        resolutionComment, rejectionReason, closedAt, emergencyId, sourceUpdatedAt, revision
        """

    init(row: Row) throws {
        self.init(
            id: try row.value("id"), ticket: try row.value("ticket"), title: try row.value("title"),
            customer: try row.value("customer"),
            urgency: try StoredValue.enumValue(row, "urgency", table: "escalation"),
            state: try StoredValue.enumValue(row, "state", table: "escalation"),
            announcedAt: try row.date("announcedAt"), acknowledgedBy: try row.value("acknowledgedBy"),
            acknowledgedAt: try row.optionalDate("acknowledgedAt"), owner: try row.value("owner"),
            labels: try StoredValue.fromJSON([String].self, row, "labels", table: "escalation"),
            resolutionComment: try row.value("resolutionComment"), rejectionReason: try row.value("rejectionReason"),
            closedAt: try row.optionalDate("closedAt"), emergencyId: try row.value("emergencyId"),
            sourceUpdatedAt: try row.optionalDate("sourceUpdatedAt"), revision: try row.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO escalation (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            id, ticket, title, customer, urgency.rawValue, state.rawValue, announcedAt.stored, acknowledgedBy,
            acknowledgedAt?.stored, owner, try StoredValue.json(labels), resolutionComment, rejectionReason, closedAt?.stored,
            emergencyId, sourceUpdatedAt?.stored, revision,
        ])
    }
}
