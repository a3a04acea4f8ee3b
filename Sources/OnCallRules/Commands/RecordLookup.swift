import Foundation

/// Read access to the current records, as a command sees them inside its transaction.
/// The store implements it over SQLite; `Board` implements it in memory for tests.
public protocol RecordLookup {
    func ticket(_ id: Int64) throws -> Ticket?
    func escalation(_ id: Int64) throws -> Escalation?
    func emergency(_ id: Int64) throws -> Emergency?
    /// The emergency imported from this PagerDuty incident (its identity); the lowest id if several.
    func emergency(incidentId: String) throws -> Emergency?
    /// Emergencies naming this Zendesk ticket, by id.
    func emergencies(ticket: Int64) throws -> [Emergency]
    /// Emergencies imported from the PagerDuty incident with this number, by id.
    func emergencies(incidentNumber: Int64) throws -> [Emergency]
    /// The escalation imported from this GitLab issue (its identity).
    func escalation(projectId: Int64, iid: Int64) throws -> Escalation?
    /// Escalations whose number (`iid`, else `id`) is this one, by id: one per project.
    func escalations(number: Int64) throws -> [Escalation]
    func upgrade(_ id: Int64) throws -> UpgradeRequest?
    func notice(_ id: Int64) throws -> Notice?
    /// Rota entries (shifts and covers) that end after `from` and start before `to`.
    func rota(from: Date, to: Date) throws -> [RotaEntry]
    /// An id not used yet for records of that kind (rota entries, notices).
    func nextId(_ kind: RecordKind) throws -> Int64
}
