import Foundation
import OnCallRules

extension DemoShift {
    /// Eight escalations in every state and urgency.
    static func escalations(now: Date, managers: DemoManagers) -> [Escalation] {
        func at(_ offset: Double) -> Date { minutes(offset, from: now) }
        return [
            Escalation(
                id: 4_101, ticket: 512_934, title: "Runners stuck in 'pending' after upgrade to 17.2; releases blocked",
                customer: "Helios Energy", urgency: .urgent, state: .new, announcedAt: at(-22)),
            Escalation(
                id: 4_102, ticket: 512_640,
                title: "Customer unhappy: LDAP group sync failing for 5 days, three replies without progress",
                customer: "Universidade de São Paulo", urgency: .timely, state: .new, announcedAt: at(-75)),
            Escalation(
                id: 4_103, ticket: 512_702, title: "Need visibility: Geo secondary not syncing LFS objects",
                customer: "Fjordkraft Analytics AS", urgency: .notUrgent, state: .new, announcedAt: at(-40)),
            Escalation(
                id: 4_104, ticket: 512_915, title: "Production deploys blocked: container registry returns 500",
                customer: "Atlas Freight Inc.", urgency: .urgent, state: .acknowledged, announcedAt: at(-50),
                acknowledgedBy: managers.current, acknowledgedAt: at(-45)),
            Escalation(
                id: 4_105, ticket: 512_588, title: "SAML group links removed 400 users from their groups overnight",
                customer: "Müller & Söhne Maschinenbau", urgency: .unknown, state: .acknowledged, announcedAt: at(-120),
                acknowledgedBy: managers.previous, acknowledgedAt: at(-110), labels: ["Escalation::Response-Time"]),
            Escalation(
                id: 4_106, ticket: 512_896, title: "Possible compromise: admin accounts nobody created",
                customer: "Banco Austral S.A.", urgency: .urgent, state: .assigned, announcedAt: at(-70),
                acknowledgedBy: managers.current, acknowledgedAt: at(-66), owner: "Lucía Fernández",
                emergencyId: 512_896),
            Escalation(
                id: 4_107, ticket: 512_455, title: "Instance read-only: license expired while the renewal PO is pending",
                customer: "Stadtwerke Nordheim", urgency: .timely, state: .resolved, announcedAt: at(-7 * 60),
                acknowledgedBy: managers.previous, acknowledgedAt: at(-7 * 60 + 9), owner: "Rahul Mehta",
                labels: ["Escalation::License-Issue"],
                resolutionComment: "Temporary 14-day license issued; L&R owns the renewal follow-up in the ticket.",
                closedAt: at(-5 * 60)),
            Escalation(
                id: 4_108, ticket: 512_801, title: "Please prioritise: question about Elasticsearch reindexing",
                customer: "Paperplane Studio", urgency: .notUrgent, state: .rejected, announcedAt: at(-4 * 60),
                acknowledgedBy: managers.previous, acknowledgedAt: at(-4 * 60 + 12), labels: ["De-Escalation"],
                rejectionReason:
                    "Within SLA (5 h left) and no business case beyond speed; agreed with the requester that the "
                    + "assigned engineer replies today.",
                closedAt: at(-3 * 60)),
        ]
    }
}
