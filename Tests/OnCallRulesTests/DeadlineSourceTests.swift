import Foundation
import Testing

@testable import OnCallRules

/// Issue 15 item 6: when Zendesk supplied `breach_at`, it wins and says so; the computed deadline is kept
/// beside it, and a difference of more than a minute means the local policy config is out of date.
@Suite("Where an FRT deadline came from")
struct DeadlineSourceTests {
    // Friday 27 November 2026 06:00 PST; Priority Support high = 4 h on business hours -> 10:00 PST.
    static let created = "2026-11-27T14:00:00Z"
    static let computed = "2026-11-27T18:00:00Z"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var breachAt: String?
        var paused = false
        var plan: Plan = .priority
        var source: DeadlineSource
        var deadline: String?
        var computed: String?
        var drift: Double?
        var outOfDate: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "no breach_at: computed", source: .computed, deadline: computed, computed: computed, drift: nil,
            outOfDate: false),
        Case(
            name: "Zendesk agrees exactly", breachAt: computed, source: .zendesk, deadline: computed,
            computed: computed, drift: nil, outOfDate: false),
        Case(
            name: "Zendesk 60 s later: within the tolerance", breachAt: "2026-11-27T18:01:00Z", source: .zendesk,
            deadline: "2026-11-27T18:01:00Z", computed: computed, drift: nil, outOfDate: false),
        Case(
            name: "Zendesk 61 s later: out of date", breachAt: "2026-11-27T18:01:01Z", source: .zendesk,
            deadline: "2026-11-27T18:01:01Z", computed: computed, drift: 61, outOfDate: true),
        Case(
            name: "Zendesk 2 h earlier: out of date", breachAt: "2026-11-27T16:00:00Z", source: .zendesk,
            deadline: "2026-11-27T16:00:00Z", computed: computed, drift: -7200, outOfDate: true),
        Case(
            name: "Zendesk paused: no countdown, the computed one kept", paused: true, source: .zendesk,
            deadline: nil, computed: computed, drift: nil, outOfDate: false),
        Case(
            name: "Zendesk gives a deadline the local config has no SLA for", breachAt: computed, plan: .free,
            source: .zendesk, deadline: computed, computed: nil, drift: nil, outOfDate: true),
    ]

    @Test(arguments: cases) func sourceAndDrift(_ c: Case) throws {
        let ticket = Ticket(
            id: 1, subject: "s", organization: "Acme", plan: c.plan, priority: .high, createdAt: utc(Self.created),
            slaBreachAt: c.breachAt.map(utc), slaPaused: c.paused)
        let item = try #require(gitlab.frtItem(for: ticket))
        #expect(item.source == c.source)
        #expect(item.deadline == c.deadline.map(utc))
        #expect(item.computedDeadline == c.computed.map(utc))
        #expect(item.drift == c.drift)
        #expect(item.policyOutOfDate == c.outOfDate)
        #expect((item.driftText != nil) == c.outOfDate)
    }

    @Test func driftWording() throws {
        let ticket = Ticket(
            id: 1, subject: "s", organization: "Acme", plan: .priority, priority: .high,
            createdAt: utc(Self.created), slaBreachAt: utc("2026-11-27T16:00:00Z"))
        let item = try #require(gitlab.frtItem(for: ticket))
        #expect(item.sourceText == "Zendesk (SLA breach_at)")
        #expect(
            item.driftText
                == "Zendesk's deadline is 2h 00m earlier than the computed one: the local policy config is out of date")
    }
}
