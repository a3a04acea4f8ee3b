import Foundation
import OnCallRules

extension DemoShift {
    /// GitLab's PagerDuty service for customer emergencies (DOMAIN.md §4, [PD]).
    static let customerSupport = (id: "PL3TX00", name: "Customer Support")

    /// Three active emergencies: a missed page, one handed off and running long, one compromised instance.
    static func emergencies(now: Date, managers: DemoManagers) -> [Emergency] {
        let missedPaged = minutes(-12, from: now)
        let handedPaged = minutes(-200, from: now)
        let handoffAt = max(managers.currentShiftStart, minutes(25, from: handedPaged))
        let compromisedPaged = minutes(-55, from: now)
        return [
            Emergency(
                id: 512_911, ticket: 512_911, title: "GitLab down: 502 errors for all users after upgrade to 17.3.1",
                customer: "Nordlicht Logistik GmbH", pagedAt: missedPaged, engineer: "Oskar Nilsson",
                state: .triggered, incidentId: "Q3RZ8K1MXV2L", incidentNumber: 48_213, serviceId: DemoShift.customerSupport.id,
                serviceName: DemoShift.customerSupport.name),
            Emergency(
                id: 512_877, ticket: 512_877,
                title: "Geo secondary promoted, replication broken; pushes rejected on all sites",
                customer: "Kobayashi Robotics 小林ロボティクス", pagedAt: handedPaged, engineer: "Amara Osei",
                engineerAcknowledgedAt: minutes(6, from: handedPaged), lead: managers.current, state: .acknowledged,
                handoffs: [
                    Handoff(
                        from: managers.previous, to: managers.current, at: handoffAt,
                        note:
                            "Customer on the bridge with Amara. Failover test left the old primary writable; DB team "
                            + "looped in. Next: confirm pg_basebackup finished, then re-enable replication. "
                            + "Consider an account escalation if still down at 3 h.")
                ],
                incidentId: "Q1JX4TQ7ZP0B", incidentNumber: 48_207, serviceId: DemoShift.customerSupport.id,
                serviceName: DemoShift.customerSupport.name),
            Emergency(
                id: 512_896, ticket: 512_896,
                title: "Unknown admin accounts and a crypto-miner on the runners: instance compromised?",
                customer: "Banco Austral S.A.", pagedAt: compromisedPaged, engineer: "Lucía Fernández",
                engineerAcknowledgedAt: minutes(4, from: compromisedPaged), lead: managers.current,
                state: .acknowledged, incidentId: "Q0PL2M5HX9CA", incidentNumber: 48_210, escalationId: 4_106,
                compromised: true, checklistDone: ["restore-backup"], serviceId: DemoShift.customerSupport.id,
                serviceName: DemoShift.customerSupport.name),
        ]
    }

    /// One active security notice.
    static func notices(now: Date) -> [Notice] {
        [
            Notice(
                id: 1, kind: "security",
                title: "Critical security release 17.3.2: advise self-managed customers to patch today",
                cmoc: "Inês Duarte", link: "https://about.gitlab.com/releases/categories/releases/",
                since: minutes(-70, from: now))
        ]
    }

    /// Two upgrade assistance requests: one with short notice, one still unassigned.
    static func upgrades(now: Date) -> [UpgradeRequest] {
        [
            UpgradeRequest(
                id: 511_870, customer: "Université de Montréal", scheduledAt: minutes(3 * 1440 + 120, from: now),
                requestedAt: minutes(-20 * 60, from: now), complex: false, engineer: "Yuki Sato"),
            UpgradeRequest(
                id: 511_932, customer: "Helios Energy", scheduledAt: minutes(20 * 1440, from: now),
                requestedAt: minutes(-30 * 60, from: now), complex: true),
        ]
    }
}
