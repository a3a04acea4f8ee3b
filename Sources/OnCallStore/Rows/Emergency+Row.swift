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
            customer: try row.value("customer"), pagedAt: try row.value("pagedAt"),
            engineer: try row.value("engineer"), engineerAcknowledgedAt: try row.value("engineerAcknowledgedAt"),
            lead: try row.value("lead"), state: try StoredValue.enumValue(row, "state", table: "emergency"),
            handoffs: try StoredValue.fromJSON([Handoff].self, row, "handoffs", table: "emergency"),
            resolvedAt: try row.value("resolvedAt"), escalatedAt: try row.value("escalatedAt"),
            incidentId: try row.value("incidentId"), incidentNumber: try row.value("incidentNumber"),
            escalationId: try row.value("escalationId"), compromised: try row.value("compromised"),
            checklistDone: try StoredValue.fromJSON([String].self, row, "checklistDone", table: "emergency"),
            sourceUpdatedAt: try row.value("sourceUpdatedAt"), revision: try row.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO emergency (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            id, ticket, title, customer, pagedAt, engineer, engineerAcknowledgedAt, lead, state.rawValue,
            try StoredValue.json(handoffs), resolvedAt, escalatedAt, incidentId, incidentNumber, escalationId,
            compromised, try StoredValue.json(checklistDone), sourceUpdatedAt, revision,
        ])
    }
}
