import Foundation

/// An in-memory board answers lookups too, so rules can be applied without a store (tests, dry runs).
extension Board: RecordLookup {
    public func ticket(_ id: Int64) throws -> Ticket? { tickets.first { $0.id == id } }
    public func escalation(_ id: Int64) throws -> Escalation? { escalations.first { $0.id == id } }
    public func emergency(_ id: Int64) throws -> Emergency? { emergencies.first { $0.id == id } }
    public func emergency(incidentId: String) throws -> Emergency? {
        emergencies.filter { $0.incidentId == incidentId }.min { $0.id < $1.id }
    }
    public func emergencies(ticket: Int64) throws -> [Emergency] {
        emergencies.filter { $0.ticket == ticket }.sorted { $0.id < $1.id }
    }
    public func emergencies(incidentNumber: Int64) throws -> [Emergency] {
        emergencies.filter { $0.incidentNumber == incidentNumber }.sorted { $0.id < $1.id }
    }
    public func escalation(projectId: Int64, iid: Int64) throws -> Escalation? {
        escalations.first { $0.projectId == projectId && $0.iid == iid }
    }
    public func escalations(number: Int64) throws -> [Escalation] {
        escalations.filter { $0.number == number }.sorted { $0.id < $1.id }
    }
    public func upgrade(_ id: Int64) throws -> UpgradeRequest? { upgrades.first { $0.id == id } }
    public func notice(_ id: Int64) throws -> Notice? { notices.first { $0.id == id } }

    public func rota(from: Date, to: Date) throws -> [RotaEntry] {
        rota.filter { $0.end > from && $0.start < to }
    }

    public func nextId(_ kind: RecordKind) throws -> Int64 {
        let ids: [Int64] =
            switch kind {
            case .ticket: tickets.map(\.id)
            case .escalation: escalations.map(\.id)
            case .emergency: emergencies.map(\.id)
            case .rota: rota.map(\.id)
            case .upgrade: upgrades.map(\.id)
            case .notice: notices.map(\.id)
            }
        return (ids.max() ?? 0) + 1
    }

    /// Applies accepted changes in memory, as the store would (revision bumped).
    public mutating func apply(_ changes: [Change]) {
        func upsert<T: Identifiable>(_ list: inout [T], _ item: T, bump: (inout T) -> Void) where T.ID == Int64 {
            var item = item
            bump(&item)
            if let i = list.firstIndex(where: { $0.id == item.id }) { list[i] = item } else { list.append(item) }
        }
        for change in changes {
            switch change {
            case .ticket(let t): upsert(&tickets, t) { $0.revision += 1 }
            case .escalation(let e): upsert(&escalations, e) { $0.revision += 1 }
            case .emergency(let e): upsert(&emergencies, e) { $0.revision += 1 }
            case .rota(let r): upsert(&rota, r) { _ in }
            case .upgrade(let u): upsert(&upgrades, u) { $0.revision += 1 }
            case .notice(let n): upsert(&notices, n) { $0.revision += 1 }
            case .deleteRota(let id): rota.removeAll { $0.id == id }
            }
        }
    }
}
