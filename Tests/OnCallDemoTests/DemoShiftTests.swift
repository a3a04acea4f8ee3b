import Foundation
import OnCallDemo
import OnCallRules
import Testing

/// The demo shift has the promised records, and they are consistent with `now`.
@Suite struct DemoShiftTests {
    /// Several instants: a weekday afternoon, a weekend night, and the day of a DST change in Amsterdam.
    static let instants: [Date] = [
        "2026-11-27T14:05:00Z", "2026-11-29T02:40:00Z", "2026-03-29T00:30:00Z", "2026-10-25T23:59:00Z",
    ].map { try! Date($0, strategy: .iso8601) }

    @Test(arguments: instants) func countsAreExact(now: Date) {
        let board = DemoShift.records(now: now)
        #expect(board.emergencies.count == 3)
        #expect(board.escalations.count == 8)
        #expect(board.tickets.count == 40)
        #expect(board.upgrades.count == 2)
        #expect(board.notices.filter(\.isActive).count == 1)
        #expect(board.rota.filter { $0.kind == .cover }.count == 1)
    }

    @Test(arguments: instants) func sameNowSameRecords(now: Date) {
        #expect(DemoShift.records(now: now) == DemoShift.records(now: now))
    }

    @Test func everyEscalationStateAndUrgencyIsPresent() {
        let escalations = DemoShift.records(now: Self.instants[0]).escalations
        #expect(Set(escalations.map(\.state)) == Set(EscalationState.allCases))
        #expect(Set(escalations.map(\.urgency)) == Set(Urgency.allCases))
        let resolved = escalations.filter { $0.state == .resolved }
        #expect(resolved.count == 1 && resolved[0].labels.contains("Escalation::License-Issue"))
        #expect(escalations.filter { $0.state == .rejected }.allSatisfy { !($0.rejectionReason ?? "").isEmpty })
        #expect(escalations.allSatisfy { $0.ticket != nil && $0.customer != nil })
        #expect(escalations.filter { !$0.state.isOpen }.allSatisfy { $0.closedAt != nil })
        #expect(escalations.filter { $0.state != .new }.allSatisfy { $0.acknowledgedBy != nil })
        #expect(escalations.filter { $0.state == .assigned }.allSatisfy { $0.owner != nil })
    }

    @Test func newEscalationsAreSoonAndOneIsOverdue() {
        let now = Self.instants[0]
        let minutes: [Urgency: Double] = [.urgent: 30, .timely: 60, .notUrgent: 120, .unknown: 120]
        let respondBy = DemoShift.records(now: now).escalations.filter { $0.state == .new }.map {
            $0.announcedAt.addingTimeInterval((minutes[$0.urgency] ?? 120) * 60).timeIntervalSince(now)
        }
        #expect(respondBy.filter { $0 < 0 }.count == 1)
        #expect(respondBy.contains { $0 > 0 && $0 <= 15 * 60 })
    }

    @Test func emergenciesShowTheirFeatures() throws {
        let now = Self.instants[0]
        let board = DemoShift.records(now: now)
        let missed = try #require(board.emergencies.first { $0.state == .triggered })
        let age = now.timeIntervalSince(missed.pagedAt) / 60
        #expect(age > 10 && age < 15)
        let handedOff = try #require(board.emergencies.first { !$0.handoffs.isEmpty })
        #expect(handedOff.state == .acknowledged && !handedOff.handoffs[0].note.isEmpty)
        #expect(handedOff.lead == handedOff.handoffs.last?.to)
        #expect(now.timeIntervalSince(handedOff.pagedAt) > 3 * 3600)
        let compromised = try #require(board.emergencies.first { $0.compromised })
        #expect(compromised.checklistDone == ["restore-backup"])
        let linked = try #require(board.escalations.first { $0.emergencyId == compromised.id })
        #expect(compromised.escalationId == linked.id)
    }

    @Test(arguments: instants) func everythingInThePastIsBeforeNow(now: Date) {
        let board = DemoShift.records(now: now)
        var past: [Date] = board.tickets.map(\.createdAt)
        past += board.escalations.flatMap { [$0.announcedAt, $0.acknowledgedAt, $0.closedAt].compactMap { $0 } }
        past += board.emergencies.flatMap { e in [e.pagedAt, e.engineerAcknowledgedAt].compactMap { $0 } + e.handoffs.map(\.at) }
        past += board.upgrades.map(\.requestedAt) + board.notices.map(\.since)
        #expect(past.allSatisfy { $0 < now })
        for escalation in board.escalations {
            if let ack = escalation.acknowledgedAt { #expect(escalation.announcedAt <= ack) }
            if let closed = escalation.closedAt, let ack = escalation.acknowledgedAt { #expect(ack <= closed) }
        }
        for emergency in board.emergencies {
            #expect(emergency.handoffs.allSatisfy { $0.at > emergency.pagedAt })
        }
        #expect(board.upgrades.allSatisfy { $0.scheduledAt > now })
    }

    @Test func idsAreUnique() {
        let board = DemoShift.records(now: Self.instants[0])
        #expect(Set(board.tickets.map(\.id)).count == board.tickets.count)
        #expect(Set(board.escalations.map(\.id)).count == board.escalations.count)
        #expect(Set(board.emergencies.map(\.id)).count == board.emergencies.count)
        #expect(Set(board.rota.map(\.id)).count == board.rota.count)
        #expect(Set(board.upgrades.map(\.id)).count == board.upgrades.count)
    }

    @Test func ticketsSpreadAcrossPlansPrioritiesRegionsAndDeadlines() {
        let now = Self.instants[0]
        let tickets = DemoShift.records(now: now).tickets
        #expect(Set(tickets.map(\.plan)).isSuperset(of: [.priority, .standard, .licensing, .usFederal, .free]))
        #expect(tickets.filter { $0.organization == nil }.count >= 4)
        #expect(Set(tickets.compactMap(\.priority)) == Set(TicketPriority.allCases))
        #expect(Set(tickets.compactMap(\.region)) == Set(Region.allCases))
        #expect(tickets.allSatisfy { $0.awaitsFirstReply })
        #expect(tickets.filter(\.slaPaused).count == 1)
        // Deadlines that do not depend on business hours: source-supplied, or urgent Priority Support (24x7).
        let remaining = tickets.compactMap { ticket -> Double? in
            if let breach = ticket.slaBreachAt { return breach.timeIntervalSince(now) / 60 }
            if ticket.plan == .priority, ticket.priority == .urgent, ticket.organization != nil {
                return ticket.createdAt.addingTimeInterval(30 * 60).timeIntervalSince(now) / 60
            }
            return nil
        }
        #expect(remaining.contains { $0 < 0 })
        #expect(remaining.contains { $0 > 0 && $0 <= 30 })
        #expect(remaining.contains { $0 > 30 && $0 <= 120 })
        #expect(remaining.contains { $0 > 2 * 1440 })
        #expect(tickets.filter { $0.slaBreachAt != nil }.count >= 5)
    }

    @Test(arguments: instants) func rotaCoversYesterdayToAWeekAheadWithoutGaps(now: Date) throws {
        let shifts = DemoShift.records(now: now).rota.filter { $0.kind == .shift }.sorted { $0.start < $1.start }
        #expect(try #require(shifts.first).start <= now.addingTimeInterval(-86_400))
        #expect(try #require(shifts.last).end >= now.addingTimeInterval(7 * 86_400))
        for (earlier, later) in zip(shifts, shifts.dropFirst()) { #expect(earlier.end == later.start) }
        #expect(Set(shifts.compactMap(\.region)) == Set(Region.allCases))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let startHours: [Region: Int] = [.apac: 1, .emea: 9, .amer: 17]
        for shift in shifts { #expect(calendar.component(.hour, from: shift.start) == startHours[shift.region!]) }
        let cover = try #require(DemoShift.records(now: now).rota.first { $0.kind == .cover })
        #expect(cover.start < now && now < cover.end)
        #expect(cover.covering == shifts.first { $0.start <= now && now < $0.end }?.name)
    }

    @Test func namesAreVariedAndSomeNonASCII() {
        let board = DemoShift.records(now: Self.instants[0])
        let texts = board.tickets.map(\.subject) + board.tickets.compactMap(\.organization) + DemoShift.engineers
            + board.rota.map(\.name)
        #expect(texts.contains { $0.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
        #expect(texts.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        #expect(texts.contains { $0.contains("é") || $0.contains("ü") || $0.contains("ö") })
        #expect(Set(board.tickets.map(\.subject)).count == 40)
        #expect(DemoShift.engineers.count >= 10)
    }
}
