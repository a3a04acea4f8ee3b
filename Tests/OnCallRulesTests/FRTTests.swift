import Foundation
import Testing

@testable import OnCallRules

@Suite("FRT deadlines and the FRT list")
struct FRTTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var ticket: Ticket
        var policy: String?
        var deadline: String?
        var paused: Bool = false
        var testDescription: String { name }
    }

    static func ticket(
        _ created: String, org: String? = "Acme", plan: Plan = .priority, priority: TicketPriority? = .normal,
        breachAt: String? = nil, paused: Bool = false
    ) -> Ticket {
        Ticket(
            id: 1, subject: "Runner stuck", organization: org, plan: plan, priority: priority, createdAt: utc(created),
            slaBreachAt: breachAt.map(utc), slaPaused: paused)
    }

    static let cases: [Case] = [
        // Saturday 10:00 PST: Priority Support's urgent target is 30 min on business hours (DOMAIN.md §0), so
        // Sunday 15:30 PST; only the Emergencies form runs on the calendar clock.
        Case(
            name: "urgent Priority Support is business hours", ticket: ticket("2026-02-07T18:00:00Z", priority: .urgent),
            policy: "Priority Support", deadline: "2026-02-08T23:30:00Z"),
        // Saturday 10:00 PST: high counts from Sunday 15:00 PST.
        Case(
            name: "high waits for Sunday 15:00", ticket: ticket("2026-02-07T18:00:00Z", priority: .high),
            policy: "Priority Support", deadline: "2026-02-09T03:00:00Z"),
        Case(
            name: "low is 24 business hours", ticket: ticket("2026-02-09T17:00:00Z", priority: .low),
            policy: "Priority Support", deadline: "2026-02-10T17:00:00Z"),
        Case(
            name: "no priority uses the unprioritized target", ticket: ticket("2026-02-09T17:00:00Z", priority: nil),
            policy: "Priority Support", deadline: "2026-02-10T01:00:00Z"),
        Case(
            name: "standard is 24 h for any priority",
            ticket: ticket("2026-02-09T17:00:00Z", plan: .standard, priority: .urgent),
            policy: "Standard", deadline: "2026-02-10T17:00:00Z"),
        Case(
            name: "licensing is 8 h", ticket: ticket("2026-02-09T17:00:00Z", plan: .licensing, priority: .low),
            policy: "Licensing & Renewals", deadline: "2026-02-10T01:00:00Z"),
        // No organization: Needs Org, 30 business minutes whatever the plan.
        Case(
            name: "Needs Org on a weekday",
            ticket: ticket("2026-02-09T18:00:00Z", org: nil, priority: .low),
            policy: "Needs Org", deadline: "2026-02-09T18:30:00Z"),
        Case(
            name: "Needs Org on Saturday", ticket: ticket("2026-02-07T18:00:00Z", org: nil),
            policy: "Needs Org", deadline: "2026-02-08T23:30:00Z"),
        Case(
            name: "blank organization is Needs Org", ticket: ticket("2026-02-09T18:00:00Z", org: "  "),
            policy: "Needs Org", deadline: "2026-02-09T18:30:00Z"),
        // US Federal severity 1 and 2 get 24x7 assistance (DOMAIN.md §0, the 2025 page): Saturday 10:30 PST.
        Case(
            name: "US Federal urgent on 24x7",
            ticket: ticket("2026-02-07T18:00:00Z", plan: .usFederal, priority: .urgent),
            policy: "US Federal", deadline: "2026-02-07T18:30:00Z"),
        Case(
            name: "US Federal low is 12 h", ticket: ticket("2026-02-07T00:00:00Z", plan: .usFederal, priority: .low),
            policy: "US Federal", deadline: "2026-02-10T00:00:00Z"),
        Case(
            name: "source deadline wins",
            ticket: ticket("2026-02-07T18:00:00Z", priority: .high, breachAt: "2026-02-07T19:00:00Z"),
            policy: "Priority Support", deadline: "2026-02-07T19:00:00Z"),
        Case(
            name: "source deadline gives a free ticket a countdown",
            ticket: ticket("2026-02-07T18:00:00Z", plan: .free, breachAt: "2026-02-07T19:00:00Z"),
            policy: "Free", deadline: "2026-02-07T19:00:00Z"),
        Case(
            name: "paused has no countdown", ticket: ticket("2026-02-07T18:00:00Z", priority: .high, paused: true),
            policy: "Priority Support", deadline: nil, paused: true),
        Case(name: "free has no SLA", ticket: ticket("2026-02-07T18:00:00Z", plan: .free), policy: nil, deadline: nil),
    ]

    @Test(arguments: cases)
    func item(_ c: Case) {
        let item = gitlab.frtItem(for: c.ticket)
        if let policy = c.policy {
            #expect(item?.policy == policy)
            #expect(item?.deadline == c.deadline.map(utc))
            #expect(item?.paused == c.paused)
        } else {
            #expect(item == nil)
        }
    }

    @Test func needsOrgPolicyWhenNoOrganization() {
        #expect(gitlab.policy(for: Self.ticket("2026-02-07T18:00:00Z", org: nil)).name == "Needs Org")
        #expect(gitlab.policy(for: Self.ticket("2026-02-07T18:00:00Z", plan: .usFederal)).name == "US Federal")
    }

    @Test func listLeavesRepliedAndFinishedAndSorts() {
        var replied = Self.ticket("2026-02-09T17:00:00Z")
        replied.id = 2
        replied.firstReplyAt = utc("2026-02-09T17:10:00Z")
        var solved = Self.ticket("2026-02-09T17:00:00Z")
        solved.id = 3
        solved.status = .solved
        var free = Self.ticket("2026-02-09T17:00:00Z", plan: .free)
        free.id = 4
        var paused = Self.ticket("2026-02-09T17:00:00Z", paused: true)
        paused.id = 5
        var low = Self.ticket("2026-02-09T17:00:00Z", priority: .low)
        low.id = 6
        var urgent = Self.ticket("2026-02-09T17:00:00Z", priority: .urgent)
        urgent.id = 7
        var closed = Self.ticket("2026-02-09T17:00:00Z")
        closed.id = 8
        closed.status = .closed
        let board = Board(tickets: [replied, solved, free, paused, low, urgent, closed])
        let overview = Overview.make(from: board, config: gitlab)
        #expect(overview.frt.map(\.id) == [7, 6, 5])
        #expect(overview.waitingForFirstReply == 4)  // free, paused, low, urgent
    }

    @Test(arguments: [
        (-1.0, Risk.breached), (0, .critical), (1800, .critical), (1801, .warning), (7200, .warning), (7201, .ok),
    ])
    func risk(_ remaining: Double, _ expected: Risk) {
        #expect(Risk.of(remaining: remaining, paused: false, thresholds: gitlab.risk) == expected)
    }

    @Test func riskWithoutCountdown() {
        #expect(Risk.of(remaining: nil, paused: true, thresholds: gitlab.risk) == .paused)
        #expect(Risk.of(remaining: -100, paused: true, thresholds: gitlab.risk) == .paused)
        #expect(Risk.of(remaining: nil, paused: false, thresholds: gitlab.risk) == .ok)
        let tight = RiskThresholds(criticalMinutes: 5, warningMinutes: 10)
        #expect(Risk.of(remaining: 360, paused: false, thresholds: tight) == .warning)
    }

    @Test(arguments: [
        (-30.0, "-1m"), (-720, "-12m"), (-7500, "-2h 05m"), (0, "0s"), (59, "59s"), (1122, "18m 42s"), (3599, "59m 59s"),
        (3600, "1h 00m"), (11_100, "3h 05m"), (187_200, "2d 4h"),
    ])
    func countdown(_ seconds: Double, _ text: String) {
        #expect(Countdown.format(seconds) == text)
    }
}

@Suite("Overview reuse")
struct OverviewReuseTests {
    /// A reload lends unchanged tickets' FRT items from the previous overview; a changed ticket is recomputed.
    @Test func reusesOnlyUnchangedTickets() {
        var config = OnCallConfig.gitlabDefaults
        let created = ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z")!
        let a = Ticket(id: 1, subject: "a", organization: "Acme", priority: .high, createdAt: created)
        var b = Ticket(id: 2, subject: "b", organization: "Beta", priority: .high, createdAt: created)
        let first = Overview.make(from: Board(tickets: [a, b]), config: config)
        // Under a different config, a reused item keeps its old deadline: that is what shows reuse happened.
        config.policies["priority"]?.targets[.high] = SLATarget(minutes: 60, schedule: "calendar")
        b.priority = .urgent
        let second = Overview.make(from: Board(tickets: [a, b]), config: config, reusing: first)
        let fresh = Overview.make(from: Board(tickets: [a, b]), config: config)
        #expect(second.frt.first { $0.id == 1 }?.deadline == first.frt.first { $0.id == 1 }?.deadline)
        #expect(second.frt.first { $0.id == 1 }?.deadline != fresh.frt.first { $0.id == 1 }?.deadline)
        #expect(second.frt.first { $0.id == 2 } == fresh.frt.first { $0.id == 2 })
    }
}
