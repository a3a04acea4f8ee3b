import Foundation
import OnCallRules

/// Makes synthetic record number `i` of each kind from the seed alone, so any record can be made on its own
/// and a batch holds nothing but itself. The most recent records are the open ones: the last
/// `waitingTickets` tickets, `openEscalations` escalations and `activeEmergencies` emergencies.
public struct SyntheticGenerator: Sendable {
    public let spec: SyntheticSpec
    public let seed: UInt64
    public let now: Date

    /// Ticket ids are `firstTicketId + i`, escalation ids `1 + i`, emergency ids `firstEmergencyId + i`.
    public static let firstTicketId: Int64 = 100_000
    public static let firstEmergencyId: Int64 = 5_000_000

    private enum Stream: UInt64 { case ticket = 1, escalation, emergency }

    public init(spec: SyntheticSpec, seed: UInt64 = 42, now: Date) {
        self.spec = spec
        self.seed = seed
        self.now = now
    }

    private var historyStart: Date { now.addingTimeInterval(-Double(spec.historyDays) * 86_400) }

    /// A time in the closed history, spread evenly by `fraction` (0...1) between its start and `end`
    /// seconds before now, with a little jitter.
    private func historic(_ fraction: Double, endingAgo end: Double, _ rng: inout SplitMix64) -> Date {
        let span = now.addingTimeInterval(-end).timeIntervalSince(historyStart)
        let jitter = (rng.unit() - 0.5) * min(1_800, span / Double(max(spec.tickets, 1)))
        return historyStart.addingTimeInterval(max(0, min(span, fraction * span + jitter)))
    }

    private func rounded(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }

    // MARK: tickets

    /// Whether ticket `index` is still waiting for a first reply.
    public func ticketWaits(_ index: Int) -> Bool { index >= spec.tickets - spec.waitingTickets }

    public func ticket(_ index: Int) -> Ticket {
        var rng = SplitMix64(seed: seed, stream: Stream.ticket.rawValue, index: index)
        let waiting = ticketWaits(index)
        let closedCount = max(spec.tickets - spec.waitingTickets, 1)
        // Waiting tickets arrived in the last three days; the rest over the history before that.
        let createdAt = rounded(
            waiting
                ? now.addingTimeInterval(-60 - rng.unit() * 3 * 86_400)
                : historic(Double(index) / Double(closedCount), endingAgo: 4 * 86_400, &rng))
        let organization: String? = rng.chance(0.04) ? nil : rng.pick(SyntheticVocabulary.organizations)
        let plan: Plan =
            organization == nil
            ? .unknown
            : rng.weighted([(.priority, 60), (.standard, 12), (.licensing, 15), (.usFederal, 5), (.free, 8)])
        let priority: TicketPriority? =
            rng.chance(0.08) ? nil : rng.weighted([(.urgent, 5), (.high, 25), (.normal, 45), (.low, 25)])
        let region: Region? =
            rng.chance(0.03) ? nil : rng.weighted([(.amer, 45), (.emea, 35), (.apac, 20)])
        let subject = "\(rng.pick(SyntheticVocabulary.topics)) \(rng.pick(SyntheticVocabulary.contexts))"
        var ticket = Ticket(
            id: Self.firstTicketId + Int64(index), subject: subject, organization: organization, plan: plan,
            priority: priority, createdAt: createdAt, region: region)
        if waiting {
            ticket.status = rng.weighted([(.new, 70), (.open, 20), (.hold, 5), (.pending, 5)])
            ticket.slaPaused = ticket.status == .hold
            if rng.chance(0.3) { ticket.assignee = rng.pick(SyntheticVocabulary.engineers) }
            if !ticket.slaPaused, rng.chance(0.4) {
                ticket.slaBreachAt = rounded(createdAt.addingTimeInterval(1_800 + rng.unit() * 86_400))
            }
            ticket.sourceUpdatedAt = createdAt
        } else {
            let reply = rounded(createdAt.addingTimeInterval(300 + rng.unit() * 30 * 3_600))
            ticket.firstReplyAt = reply
            ticket.status = rng.weighted([(.solved, 30), (.closed, 55), (.pending, 5), (.open, 10)])
            ticket.assignee = rng.pick(SyntheticVocabulary.engineers)
            ticket.sourceUpdatedAt = reply
        }
        return ticket
    }

    // MARK: escalations

    public func escalationIsOpen(_ index: Int) -> Bool { index >= spec.escalations - spec.openEscalations }

    public func escalation(_ index: Int) -> Escalation {
        var rng = SplitMix64(seed: seed, stream: Stream.escalation.rawValue, index: index)
        let open = escalationIsOpen(index)
        let closedCount = max(spec.escalations - spec.openEscalations, 1)
        let announcedAt = rounded(
            open
                ? now.addingTimeInterval(-120 - rng.unit() * 6 * 3_600)
                : historic(Double(index) / Double(closedCount), endingAgo: 3 * 86_400, &rng))
        let urgency: Urgency = rng.weighted([(.urgent, 20), (.timely, 35), (.notUrgent, 43), (.unknown, 2)])
        let ticket = Self.firstTicketId + Int64(rng.below(max(spec.tickets, 1)))
        var escalation = Escalation(
            id: Int64(index + 1), ticket: ticket,
            title: "\(rng.pick(SyntheticVocabulary.topics)) \(rng.pick(SyntheticVocabulary.contexts))",
            customer: rng.pick(SyntheticVocabulary.organizations), urgency: urgency, announcedAt: announcedAt)
        let age = now.timeIntervalSince(announcedAt)
        let acknowledgedAt = rounded(announcedAt.addingTimeInterval(min(age * 0.5, 60 + rng.unit() * 1_500)))
        if open {
            escalation.state = rng.weighted([(.new, 40), (.acknowledged, 30), (.assigned, 30)])
        } else {
            escalation.state = rng.chance(0.85) ? .resolved : .rejected
            escalation.closedAt = rounded(announcedAt.addingTimeInterval(3_600 + rng.unit() * 47 * 3_600))
        }
        if escalation.state != .new {
            escalation.acknowledgedBy = rng.pick(SyntheticVocabulary.managers)
            escalation.acknowledgedAt = acknowledgedAt
        }
        if escalation.state == .assigned || escalation.state == .resolved {
            escalation.owner = rng.pick(SyntheticVocabulary.engineers)
        }
        if escalation.state == .resolved {
            escalation.labels = rng.weighted([
                (["Escalation::License-Issue"], 30), (["Escalation::Response-Time"], 40), ([], 30),
            ])
            escalation.resolutionComment = "Next step identified and underway."
        }
        if escalation.state == .rejected {
            escalation.labels = ["De-Escalation"]
            escalation.rejectionReason = "Within SLA and no business case; agreed alternative path in the issue."
        }
        escalation.sourceUpdatedAt = escalation.closedAt ?? escalation.acknowledgedAt ?? announcedAt
        return escalation
    }

    // MARK: emergencies

    public func emergencyIsActive(_ index: Int) -> Bool { index >= spec.emergencies - spec.activeEmergencies }

    public func emergency(_ index: Int) -> Emergency {
        var rng = SplitMix64(seed: seed, stream: Stream.emergency.rawValue, index: index)
        let active = emergencyIsActive(index)
        let closedCount = max(spec.emergencies - spec.activeEmergencies, 1)
        let pagedAt = rounded(
            active
                ? now.addingTimeInterval(-60 - rng.unit() * 4 * 3_600)
                : historic(Double(index) / Double(closedCount), endingAgo: 2 * 86_400, &rng))
        let id = Self.firstEmergencyId + Int64(index)
        var emergency = Emergency(
            id: id, ticket: id,
            title: "\(rng.pick(SyntheticVocabulary.topics)) \(rng.pick(SyntheticVocabulary.contexts))",
            customer: rng.pick(SyntheticVocabulary.organizations), pagedAt: pagedAt,
            engineer: rng.pick(SyntheticVocabulary.engineers), incidentNumber: 10_000 + Int64(index))
        let age = now.timeIntervalSince(pagedAt)
        let acknowledgedAt = rounded(pagedAt.addingTimeInterval(min(age * 0.5, 30 + rng.unit() * 540)))
        if active {
            emergency.state = rng.chance(0.3) ? .triggered : .acknowledged
        } else {
            emergency.state = .resolved
            emergency.resolvedAt = rounded(pagedAt.addingTimeInterval(1_200 + rng.unit() * 5 * 3_600))
        }
        if emergency.state != .triggered {
            emergency.engineerAcknowledgedAt = acknowledgedAt
            if rng.chance(0.6) { emergency.lead = rng.pick(SyntheticVocabulary.managers) }
        }
        if let lead = emergency.lead, rng.chance(0.15) {
            let to = rng.pick(SyntheticVocabulary.managers)
            let at = rounded(acknowledgedAt.addingTimeInterval(max(1, (now.timeIntervalSince(acknowledgedAt)) * 0.5)))
            emergency.handoffs = [Handoff(from: lead, to: to, at: min(at, emergency.resolvedAt ?? at), note: "Shift change.")]
            emergency.lead = to
        }
        emergency.sourceUpdatedAt = emergency.resolvedAt ?? emergency.engineerAcknowledgedAt ?? pagedAt
        return emergency
    }

    // MARK: rota

    /// Days of rota: the history plus a week ahead, three shifts a day (APAC 01-09, EMEA 09-17, AMER 17-01,
    /// Europe/Amsterdam).
    public var rotaCount: Int { (spec.historyDays + 8) * 3 }

    public func rotaEntry(_ index: Int) -> RotaEntry {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let firstDay = calendar.startOfDay(for: historyStart)
        let dayOffset = index / 3
        func at(_ offset: Int, _ hour: Int) -> Date {
            let day = calendar.date(byAdding: .day, value: offset, to: firstDay) ?? firstDay
            return calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day) ?? day
        }
        let (region, startHour): (Region, Int) = [(.apac, 1), (.emea, 9), (.amer, 17)][index % 3]
        let start = at(dayOffset, startHour)
        let end = startHour == 17 ? at(dayOffset + 1, 1) : at(dayOffset, startHour + 8)
        let names = SyntheticVocabulary.managers
        let week = dayOffset / 7
        return RotaEntry(
            id: Int64(index + 1), name: names[(week * 3 + index % 3) % names.count], region: region, start: start,
            end: end, source: "synthetic")
    }
}
