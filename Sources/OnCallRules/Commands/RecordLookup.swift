import Foundation

/// Read access to the current records, as a command sees them inside its transaction.
/// The store implements it over SQLite; `Board` implements it in memory for tests.
public protocol RecordLookup {
    func ticket(_ id: Int64) throws -> Ticket?
    func escalation(_ id: Int64) throws -> Escalation?
    func emergency(_ id: Int64) throws -> Emergency?
    func upgrade(_ id: Int64) throws -> UpgradeRequest?
    func notice(_ id: Int64) throws -> Notice?
    /// Rota entries (shifts and covers) that end after `from` and start before `to`.
    func rota(from: Date, to: Date) throws -> [RotaEntry]
    /// An id not used yet for records of that kind (rota entries, notices).
    func nextId(_ kind: RecordKind) throws -> Int64
}
