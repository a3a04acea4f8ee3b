import Foundation

extension Overview {
    /// Derives deadlines and sort orders from the records: FRT items soonest breach first (paused last),
    /// open escalations by respond-by, open emergencies oldest page first, open upgrades by scheduled time,
    /// active notices oldest first, the rota by start. `includeClosed` (for `status --all`) keeps resolved
    /// emergencies, closed escalations, done upgrades and cleared notices after the open ones.
    /// `previous` (made with the same config) lends the FRT items of tickets that did not change, so a reload
    /// recomputes business-hours deadlines only for new or changed tickets.
    public static func make(
        from board: Board, config: OnCallConfig, includeClosed: Bool = false, reusing previous: Overview? = nil
    ) -> Overview {
        let waiting = board.tickets.filter(\.awaitsFirstReply)
        var known: [Int64: FRTItem] = [:]
        if let previous {
            known.reserveCapacity(previous.frt.count)
            for item in previous.frt { known[item.ticket.id] = item }
        }
        let frt = waiting.compactMap { ticket in
            if let item = known[ticket.id], item.ticket == ticket { return item }
            return config.frtItem(for: ticket)
        }.sorted { a, b in
            switch (a.deadline, b.deadline) {
            case (let x?, let y?): x != y ? x < y : a.ticket.id < b.ticket.id
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.ticket.id < b.ticket.id
            }
        }
        let escalations = board.escalations.filter { includeClosed || $0.state.isOpen }
            .map { EscalationItem(escalation: $0, respondBy: config.respondBy(for: $0)) }
            .sorted { a, b in
                (a.escalation.state.isOpen ? 0 : 1, a.respondBy, a.id) < (
                    b.escalation.state.isOpen ? 0 : 1, b.respondBy, b.id
                )
            }
        let emergencies = board.emergencies.filter { includeClosed || $0.state.isOpen }.sorted { a, b in
            (a.state.isOpen ? 0 : 1, a.pagedAt, a.id) < (b.state.isOpen ? 0 : 1, b.pagedAt, b.id)
        }
        let upgrades = board.upgrades.filter { includeClosed || !$0.done }.sorted { a, b in
            (a.done ? 1 : 0, a.scheduledAt, a.id) < (b.done ? 1 : 0, b.scheduledAt, b.id)
        }
        let notices = board.notices.filter { includeClosed || $0.isActive }.sorted { a, b in
            (a.isActive ? 0 : 1, a.since, a.id) < (b.isActive ? 0 : 1, b.since, b.id)
        }
        let rota = board.rota.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        var overview = Overview(
            emergencies: emergencies, escalations: escalations, frt: frt, waitingForFirstReply: waiting.count,
            upgrades: upgrades, notices: notices, rota: rota, asOf: board.asOf, unreadable: board.unreadable)
        overview.sources = board.sources.map { health in
            var health = health
            health.pollSeconds = config.sources[health.source].pollSeconds
            return health
        }
        overview.people = board.people
        return overview
    }

    /// Who is on call at `now` (a cover wins over the shift it covers).
    public func onCall(at now: Date) -> RotaEntry? { Rota(rota).onCall(at: now) }

    /// The manager on call right after the current stint ends (covers respected).
    public func nextManager(after now: Date) -> RotaEntry? { Rota(rota).nextManager(after: now) }

    /// Everything the dashboard header needs about the rota at `now`.
    public func onCallStatus(at now: Date) -> OnCallStatus? { Rota(rota).status(at: now) }
}
