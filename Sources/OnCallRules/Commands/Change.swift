/// One record to write (insert or replace). The store bumps its revision.
public enum Change: Sendable, Equatable {
    case ticket(Ticket)
    case escalation(Escalation)
    case emergency(Emergency)
    case rota(RotaEntry)
    case upgrade(UpgradeRequest)
    case notice(Notice)
    /// Remove a rota entry (e.g. replaced by an import of the same schedule window).
    case deleteRota(Int64)

    /// The record this change writes.
    public var ref: RecordRef {
        switch self {
        case .ticket(let t): RecordRef(.ticket, t.id)
        case .escalation(let e): RecordRef(.escalation, e.id)
        case .emergency(let e): RecordRef(.emergency, e.id)
        case .rota(let r): RecordRef(.rota, r.id)
        case .upgrade(let u): RecordRef(.upgrade, u.id)
        case .notice(let n): RecordRef(.notice, n.id)
        case .deleteRota(let id): RecordRef(.rota, id)
        }
    }
}
