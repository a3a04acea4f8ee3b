import Foundation
import OnCallRules

/// A `RecordLookup` over a `Board` with dictionaries, for merging big imports in memory (dry runs, benches):
/// `Board`'s own lookup scans its arrays, which is quadratic for 100,000 tickets.
public struct IndexedLookup: RecordLookup {
    private let board: Board
    private let tickets: [Int64: Ticket]
    private let escalations: [Int64: Escalation]
    private let emergencies: [Int64: Emergency]
    private let emergencyByIncident: [String: Emergency]
    private let escalationByIdentity: [String: Escalation]

    public init(_ board: Board) {
        self.board = board
        tickets = Dictionary(board.tickets.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        escalations = Dictionary(board.escalations.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        emergencies = Dictionary(board.emergencies.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        emergencyByIncident = Dictionary(
            board.emergencies.compactMap { e in e.incidentId.map { ($0, e) } },
            uniquingKeysWith: { a, b in a.id < b.id ? a : b })
        escalationByIdentity = Dictionary(
            board.escalations.compactMap { e in e.projectId.map { ("\($0)#\(e.number)", e) } },
            uniquingKeysWith: { a, b in a.id < b.id ? a : b })
    }

    public func ticket(_ id: Int64) throws -> Ticket? { tickets[id] }
    public func escalation(_ id: Int64) throws -> Escalation? { escalations[id] }
    public func emergency(_ id: Int64) throws -> Emergency? { emergencies[id] }
    public func emergency(incidentId: String) throws -> Emergency? { emergencyByIncident[incidentId] }
    public func emergencies(ticket: Int64) throws -> [Emergency] { try board.emergencies(ticket: ticket) }
    public func emergencies(incidentNumber: Int64) throws -> [Emergency] {
        try board.emergencies(incidentNumber: incidentNumber)
    }
    public func escalation(projectId: Int64, iid: Int64) throws -> Escalation? {
        escalationByIdentity["\(projectId)#\(iid)"]
    }
    public func escalations(number: Int64) throws -> [Escalation] { try board.escalations(number: number) }
    public func upgrade(_ id: Int64) throws -> UpgradeRequest? { try board.upgrade(id) }
    public func notice(_ id: Int64) throws -> Notice? { try board.notice(id) }
    public func rota(from: Date, to: Date) throws -> [RotaEntry] { try board.rota(from: from, to: to) }
    public func nextId(_ kind: RecordKind) throws -> Int64 { try board.nextId(kind) }
}
