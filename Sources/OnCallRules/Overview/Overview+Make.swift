import Foundation

extension Overview {
    /// Derives deadlines and sort orders from the records: FRT items soonest breach first (paused last),
    /// open escalations by respond-by, open emergencies oldest page first, open upgrades by scheduled time,
    /// active notices oldest first, the rota by start.
    public static func make(from board: Board, config: OnCallConfig) -> Overview {
        let waiting = board.tickets.filter(\.awaitsFirstReply)
        let frt = waiting.compactMap(config.frtItem(for:)).sorted { a, b in
            switch (a.deadline, b.deadline) {
            case let (x?, y?): x != y ? x < y : a.ticket.id < b.ticket.id
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.ticket.id < b.ticket.id
            }
        }
        let escalations = board.escalations.filter(\.state.isOpen)
            .map { EscalationItem(escalation: $0, respondBy: config.respondBy(for: $0)) }
            .sorted { ($0.respondBy, $0.id) < ($1.respondBy, $1.id) }
        let emergencies = board.emergencies.filter(\.state.isOpen).sorted { ($0.pagedAt, $0.id) < ($1.pagedAt, $1.id) }
        let upgrades = board.upgrades.filter { !$0.done }.sorted { ($0.scheduledAt, $0.id) < ($1.scheduledAt, $1.id) }
        let notices = board.notices.filter(\.isActive).sorted { ($0.since, $0.id) < ($1.since, $1.id) }
        let rota = board.rota.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        return Overview(
            emergencies: emergencies, escalations: escalations, frt: frt, waitingForFirstReply: waiting.count,
            upgrades: upgrades, notices: notices, rota: rota, asOf: board.asOf)
    }

    /// Who is on call at `now` (a cover wins over the shift it covers).
    public func onCall(at now: Date) -> RotaEntry? { Rota(rota).onCall(at: now) }

    /// The manager on call right after the current stint ends (covers respected).
    public func nextManager(after now: Date) -> RotaEntry? { Rota(rota).nextManager(after: now) }

    /// Everything the dashboard header needs about the rota at `now`.
    public func onCallStatus(at now: Date) -> OnCallStatus? { Rota(rota).status(at: now) }
}
