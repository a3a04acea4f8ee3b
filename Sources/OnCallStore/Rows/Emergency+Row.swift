import Foundation
import GRDB
import OnCallRules

extension Emergency {
    static let columns = """
        id, ticket, title, customer, pagedAt, engineer, engineerAcknowledgedAt, lead, state, handoffs, resolvedAt, \
        escalatedAt, incidentId, incidentNumber, escalationId, compromised, checklistDone, sourceUpdatedAt, revision
        """

    init(row: Row) throws {
        self.init(
            id: try row.value("id"), ticket: try row.value("ticket"), title: try row.value("title"),
            customer: try row.value("customer"), pagedAt: try row.date("pagedAt"),
            engineer: try row.value("engineer"), engineerAcknowledgedAt: try row.optionalDate("engineerAcknowledgedAt"),
            lead: try row.value("lead"), state: try StoredValue.enumValue(row, "state", table: "emergency"),
            handoffs: try StoredValue.fromJSON([Handoff].self, row, "handoffs", table: "emergency"),
            resolvedAt: try row.optionalDate("resolvedAt"), escalatedAt: try row.optionalDate("escalatedAt"),
            incidentId: try row.value("incidentId"), incidentNumber: try row.value("incidentNumber"),
            escalationId: try row.value("escalationId"), compromised: try row.value("compromised"),
            checklistDone: try StoredValue.fromJSON([String].self, row, "checklistDone", table: "emergency"),
            sourceUpdatedAt: try row.optionalDate("sourceUpdatedAt"), revision: try row.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO emergency (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            id, ticket, title, customer, pagedAt.stored, engineer, engineerAcknowledgedAt?.stored, lead, state.rawValue,
            try StoredValue.json(handoffs), resolvedAt?.stored, escalatedAt?.stored, incidentId, incidentNumber, escalationId,
            compromised, try StoredValue.json(checklistDone), sourceUpdatedAt?.stored, revision,
        ])
    }
}
