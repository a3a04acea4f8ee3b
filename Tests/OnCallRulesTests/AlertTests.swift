import Foundation
import Testing

@testable import OnCallRules

@Suite("Overview and alerts")
struct AlertTests {
    static let now = utc("2026-02-09T16:30:00Z")

    static func emergency(_ id: Int64, paged: String, state: EmergencyState = .triggered, customer: String? = "Acme")
        -> Emergency
    {
        Emergency(id: id, title: "Down", customer: customer, pagedAt: utc(paged), state: state)
    }

    static func tickets(_ count: Int) -> [Ticket] {
        (0..<count).map {
            Ticket(
                id: Int64(1000 + $0), subject: "t", organization: "Org", plan: .free,
                createdAt: utc("2026-02-09T15:00:00Z"))
        }
    }

    @Test func missedPageLevels() {
        let board = Board(emergencies: [
            Self.emergency(123_456, paged: "2026-02-09T16:18:00Z"),  // 12 min: manager
            Self.emergency(222_222, paged: "2026-02-09T16:14:00Z", customer: nil),  // 16 min: senior
            Self.emergency(333_333, paged: "2026-02-09T16:25:00Z"),  // 5 min: not yet
        ])
        let alerts = Overview.make(from: board, config: gitlab).alerts(at: Self.now, config: gitlab)
        let missed = alerts.filter { $0.kind == .missedPage }
        #expect(
            missed.map(\.message) == [
                "emergency 222222: missed page, senior managers paged; unacknowledged for 16m (paged 16:14 UTC)",
                "emergency 123456 (Acme): missed page: the manager on call is the next tier (nobody on the rota "
                    + "now); unacknowledged for 12m (paged 16:18 UTC)",
            ])
        #expect(missed.map(\.ref) == [RecordRef(.emergency, 222_222), RecordRef(.emergency, 123_456)])
    }

    @Test func escalatedBySourceBeforeTenMinutes() {
        var e = Self.emergency(1, paged: "2026-02-09T16:25:00Z")
        e.escalatedAt = utc("2026-02-09T16:28:00Z")
        let alerts = Overview.make(from: Board(emergencies: [e]), config: gitlab).alerts(at: Self.now, config: gitlab)
        #expect(alerts.map(\.kind) == [.missedPage])
    }

    @Test func multipleAndLongEmergencies() {
        let board = Board(emergencies: [
            Self.emergency(1, paged: "2026-02-09T13:00:00Z", state: .acknowledged),  // 3 h 30
            Self.emergency(2, paged: "2026-02-09T13:30:00Z", state: .acknowledged),  // exactly 3 h: not over
            Self.emergency(3, paged: "2026-02-09T10:00:00Z", state: .resolved),
        ])
        let overview = Overview.make(from: board, config: gitlab)
        #expect(overview.emergencies.map(\.id) == [1, 2])
        let alerts = overview.alerts(at: Self.now, config: gitlab)
        #expect(alerts.map(\.kind) == [.multipleEmergencies, .longEmergency])
        #expect(alerts[0].message == "2 active emergencies: find additional staff (ping your regional group)")
        #expect(alerts[1].message == "emergency 1 (Acme): running 3h 30m, consider an account escalation")
    }

    @Test func singleEmergencyNeedsNoStaffAlert() {
        let board = Board(emergencies: [Self.emergency(1, paged: "2026-02-09T16:28:00Z", state: .acknowledged)])
        #expect(Overview.make(from: board, config: gitlab).alerts(at: Self.now, config: gitlab).isEmpty)
    }

    @Test func overdueEscalationOnlyWhileNew() {
        let announced = utc("2026-02-09T15:55:00Z")  // urgent: respond by 16:25
        let board = Board(escalations: [
            Escalation(id: 88, title: "x", customer: "Acme", urgency: .urgent, announcedAt: announced),
            Escalation(id: 89, title: "y", urgency: .urgent, state: .acknowledged, announcedAt: announced),
            Escalation(id: 90, title: "z", urgency: .notUrgent, announcedAt: announced),
            Escalation(id: 91, title: "w", urgency: .urgent, state: .rejected, announcedAt: announced),
        ])
        let overview = Overview.make(from: board, config: gitlab)
        #expect(overview.escalations.map(\.id) == [88, 89, 90])
        #expect(
            overview.escalations.map(\.respondBy) == [
                utc("2026-02-09T16:25:00Z"), utc("2026-02-09T16:25:00Z"), utc("2026-02-09T17:55:00Z"),
            ])
        let alerts = overview.alerts(at: Self.now, config: gitlab)
        #expect(alerts.map(\.message) == ["escalation 88 (Acme) (urgent) not acknowledged, 5m past respond-by"])
        #expect(alerts.first?.kind == .overdueEscalation)
    }

    @Test(arguments: [(9, false), (10, true), (12, true)])
    func frtBuildUp(_ count: Int, _ raised: Bool) {
        let overview = Overview.make(from: Board(tickets: Self.tickets(count)), config: gitlab)
        let alerts = overview.alerts(at: Self.now, config: gitlab)
        #expect(alerts.contains { $0.kind == .frtBuildUp } == raised)
        if raised {
            #expect(
                alerts.first?.message
                    == "\(count) tickets waiting for a first reply: ping your region in #support_team-chat")
        }
    }

    @Test func thresholdsFromConfig() {
        var config = gitlab
        config.alerts.frtBuildUp = 3
        config.alerts.activeEmergencies = 1
        let board = Board(
            tickets: Self.tickets(3),
            emergencies: [Self.emergency(1, paged: "2026-02-09T16:28:00Z", state: .acknowledged)])
        let alerts = Overview.make(from: board, config: config).alerts(at: Self.now, config: config)
        #expect(alerts.map(\.kind) == [.multipleEmergencies, .frtBuildUp])
    }

    @Test func securityCompromisedAndUpgradeAlertsInOrder() {
        var compromised = Self.emergency(5, paged: "2026-02-09T16:00:00Z", state: .acknowledged)
        compromised.compromised = true
        compromised.checklistDone = ["restore-backup"]
        let board = Board(
            emergencies: [compromised],
            upgrades: [
                UpgradeRequest(
                    id: 77, customer: "Beta", scheduledAt: utc("2026-02-14T18:00:00Z"),
                    requestedAt: utc("2026-02-09T10:00:00Z"),
                    engineer: "ed")
            ],
            notices: [
                Notice(
                    id: 3, kind: "security", title: "Credential leak", cmoc: "cara", since: utc("2026-02-09T15:00:00Z")),
                Notice(
                    id: 4, kind: "security-incident", title: "Old", since: utc("2026-02-09T14:00:00Z"),
                    clearedAt: utc("2026-02-09T15:00:00Z")),
                Notice(id: 5, kind: "maintenance", title: "DB upgrade", since: utc("2026-02-09T15:00:00Z")),
            ])
        let overview = Overview.make(from: board, config: gitlab)
        #expect(overview.notices.map(\.id) == [3, 5])
        let alerts = overview.alerts(at: Self.now, config: gitlab)
        #expect(alerts.map(\.kind) == [.securityIncident, .compromisedInstance, .upgradeAttention])
        #expect(alerts[0].message == "security incident: Credential leak (CMOC cara), since 15:00 UTC")
        #expect(
            alerts[1].message
                == "emergency 5 (Acme): compromised instance, join before any call is offered (checklist 1/7)")
        #expect(alerts[2].message == "upgrade 77 (Beta) at 2026-02-14 18:00 UTC: outside-hours, short-notice")
    }

    @Test func missedPageComesFirst() {
        let board = Board(
            tickets: Self.tickets(10),
            emergencies: [
                Self.emergency(1, paged: "2026-02-09T16:00:00Z"), Self.emergency(2, paged: "2026-02-09T16:29:00Z"),
            ],
            notices: [Notice(id: 1, title: "Leak", since: utc("2026-02-09T15:00:00Z"))])
        let alerts = Overview.make(from: board, config: gitlab).alerts(at: Self.now, config: gitlab)
        #expect(alerts.map(\.kind) == [.missedPage, .securityIncident, .multipleEmergencies, .frtBuildUp])
    }

    @Test func overviewSortsAndFilters() {
        let board = Board(
            emergencies: [
                Self.emergency(2, paged: "2026-02-09T16:20:00Z"), Self.emergency(1, paged: "2026-02-09T16:00:00Z"),
            ],
            upgrades: [
                UpgradeRequest(
                    id: 2, customer: "B", scheduledAt: utc("2026-02-20T18:00:00Z"),
                    requestedAt: utc("2026-02-01T00:00:00Z")),
                UpgradeRequest(
                    id: 1, customer: "A", scheduledAt: utc("2026-02-19T18:00:00Z"),
                    requestedAt: utc("2026-02-01T00:00:00Z")),
                UpgradeRequest(
                    id: 3, customer: "C", scheduledAt: utc("2026-02-18T18:00:00Z"),
                    requestedAt: utc("2026-02-01T00:00:00Z"), done: true),
            ],
            asOf: Self.now)
        let overview = Overview.make(from: board, config: gitlab)
        #expect(overview.emergencies.map(\.id) == [1, 2])
        #expect(overview.upgrades.map(\.id) == [1, 2])
        #expect(overview.asOf == Self.now)
    }
}
