import Foundation
import Testing

@testable import OnCallRules

/// Issue 15: SLA policies tried in Zendesk's order, first match wins (DOMAIN.md §0, §1.3).
@Suite("SLA policies in Zendesk's order")
struct PolicyOrderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var ticket: Ticket
        var policy: String
        var deadline: String?
        var testDescription: String { name }
    }

    // Saturday 7 February 2026 09:00 PST.
    static func ticket(
        org: String? = "Acme", plan: Plan = .priority, priority: TicketPriority? = .urgent, form: String? = nil,
        tags: [String] = [], stage: String? = nil, created: String = "2026-02-07T17:00:00Z"
    ) -> Ticket {
        Ticket(
            id: 1, subject: "s", organization: org, plan: plan, priority: priority, createdAt: utc(created),
            form: form, tags: tags, stage: stage)
    }

    static let cases: [Case] = [
        // The issue's example: urgent, no organization, Saturday 09:00 PST, Emergencies form -> 09:30.
        Case(
            name: "Emergencies form beats Triage", ticket: ticket(org: nil, form: "emergencies"),
            policy: "Emergency Support", deadline: "2026-02-07T17:30:00Z"),
        // Without the form it is Needs Org on business hours: Sunday 15:30 PST.
        Case(
            name: "no organization, no form: Triage on business hours", ticket: ticket(org: nil),
            policy: "Needs Org", deadline: "2026-02-08T23:30:00Z"),
        Case(
            name: "Emergencies form beats Priority Support", ticket: ticket(form: "emergencies", stage: "open"),
            policy: "Emergency Support", deadline: "2026-02-07T17:30:00Z"),
        Case(
            name: "Priority urgent counts on business hours", ticket: ticket(),
            policy: "Priority Support", deadline: "2026-02-08T23:30:00Z"),
        Case(
            name: "Needs Triage stage excludes Priority Support", ticket: ticket(stage: "needs-triage"),
            policy: "Needs Org", deadline: "2026-02-08T23:30:00Z"),
        Case(
            name: "missing_sla_tag goes to Triage", ticket: ticket(plan: .unknown, tags: ["missing_sla_tag"]),
            policy: "Needs Org", deadline: "2026-02-08T23:30:00Z"),
        Case(
            name: "Standard comes before Triage (Zendesk's order)", ticket: ticket(org: nil, plan: .standard),
            policy: "Standard", deadline: "2026-02-09T23:00:00Z"),
        Case(
            name: "L&R form on a Priority customer is L&R", ticket: ticket(form: "licensing"),
            policy: "Licensing & Renewals", deadline: "2026-02-09T07:00:00Z"),
        Case(
            name: "US Federal L&R: 8 h on US Federal hours", ticket: ticket(plan: .usFederal, form: "licensing"),
            policy: "US Federal L&R", deadline: "2026-02-09T21:00:00Z"),
        Case(
            name: "US Federal high is 24x7", ticket: ticket(plan: .usFederal, priority: .high),
            policy: "US Federal", deadline: "2026-02-07T21:00:00Z"),
        Case(
            name: "consumption_only tag", ticket: ticket(plan: .unknown, tags: ["consumption_only"]),
            policy: "Consumption Support", deadline: "2026-02-09T11:00:00Z"),
        Case(
            name: "Billing form, urgent 4 h", ticket: ticket(form: "billing"), policy: "Billing",
            deadline: "2026-02-09T03:00:00Z"),
        Case(name: "free plan: no SLA", ticket: ticket(plan: .free), policy: "Free", deadline: nil),
    ]

    @Test(arguments: cases)
    func firstMatchWins(_ c: Case) {
        #expect(gitlab.policy(for: c.ticket).name == c.policy)
        #expect(gitlab.computedDeadline(for: c.ticket) == c.deadline.map(utc))
    }

    @Test func escalationsCountOnTheSupportClock() {
        // Friday 16:50 PST + 2 h (not urgent) -> Sunday 16:50 PST.
        let e = Escalation(id: 1, title: "t", urgency: .notUrgent, announcedAt: utc("2026-02-07T00:50:00Z"))
        #expect(gitlab.respondBy(for: e) == utc("2026-02-09T00:50:00Z"))
    }
}
