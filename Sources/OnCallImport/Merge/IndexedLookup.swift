import Foundation
import OnCallRules

/// A `RecordLookup` over a `Board` with dictionaries, for merging big imports in memory (dry runs, benches):
/// `Board`'s own lookup scans its arrays, which is quadratic for 100,000 tickets.
public struct IndexedLookup: RecordLookup {
    private let board: Board
    private let tickets: [Int64: Ticket]
    private let escalations: [Int64: Escalation]
    private let emergencies: [Int64: Emergency]

    public init(_ board: Board) {
        self.board = board
        tickets = Dictionary(board.tickets.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        escalations = Dictionary(board.escalations.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        emergencies = Dictionary(board.emergencies.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func ticket(_ id: Int64) throws -> Ticket? { tickets[id] }
    public func escalation(_ id: Int64) throws -> Escalation? { escalations[id] }
    public func emergency(_ id: Int64) throws -> Emergency? { emergencies[id] }
    public func upgrade(_ id: Int64) throws -> UpgradeRequest? { try board.upgrade(id) }
    public func notice(_ id: Int64) throws -> Notice? { try board.notice(id) }
    public func rota(from: Date, to: Date) throws -> [RotaEntry] { try board.rota(from: from, to: to) }
    public func nextId(_ kind: RecordKind) throws -> Int64 { try board.nextId(kind) }
}
