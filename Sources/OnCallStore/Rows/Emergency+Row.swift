import Foundation
import GRDB
import OnCallRules

extension Emergency {
    static let columns = """
        id, ticket, title, customer, pagedAt, engineer, engineerAcknowledgedAt, lead, state, handoffs, resolvedAt, \
        escalatedAt, incidentId, incidentNumber, escalationId, compromised, checklistDone, sourceUpdatedAt, \
        pageTimeKnown, serviceId, serviceName, revision
        """

    /// Reads a row selected with `columns`, in that order.
    init(row: Row) throws {
        var c = ColumnReader(row, table: "emergency")
        self.init(
            id: try c.value("id"), ticket: try c.value("ticket"), title: try c.value("title"),
            customer: try c.value("customer"), pagedAt: try c.date("pagedAt"), engineer: try c.value("engineer"),
            engineerAcknowledgedAt: try c.optionalDate("engineerAcknowledgedAt"), lead: try c.value("lead"),
            state: try c.enumValue("state"), handoffs: try c.json("handoffs"),
            resolvedAt: try c.optionalDate("resolvedAt"), escalatedAt: try c.optionalDate("escalatedAt"),
            incidentId: try c.value("incidentId"), incidentNumber: try c.value("incidentNumber"),
            escalationId: try c.value("escalationId"), compromised: try c.value("compromised"),
            checklistDone: try c.json("checklistDone"), sourceUpdatedAt: try c.optionalDate("sourceUpdatedAt"),
            pageTimeKnown: try c.value("pageTimeKnown"), serviceId: try c.value("serviceId"),
            serviceName: try c.value("serviceName"), revision: try c.value("revision"))
    }

    func write(_ db: Database, revision: Int) throws {
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO emergency (\(Self.columns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        ).execute(arguments: [
            id, ticket, title, customer, pagedAt.stored, engineer, engineerAcknowledgedAt?.stored, lead, state.rawValue,
            try StoredValue.json(handoffs), resolvedAt?.stored, escalatedAt?.stored, incidentId, incidentNumber,
            escalationId,
            compromised, try StoredValue.json(checklistDone), sourceUpdatedAt?.stored, pageTimeKnown, serviceId,
            serviceName, revision,
        ])
    }
}
