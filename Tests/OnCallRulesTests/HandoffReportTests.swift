import Foundation
import Testing

@testable import OnCallRules

@Suite("Shift hand-off report")
struct HandoffReportTests {
    static let now = utc("2026-02-09T23:30:00Z")
    static let since = utc("2026-02-09T16:00:00Z")

    static var board: Board {
        var emergency = Emergency(
            id: 123_456, ticket: 123_456, title: "Instance down", customer: "Acme",
            pagedAt: utc("2026-02-09T21:00:00Z"),
            engineer: "ed", engineerAcknowledgedAt: utc("2026-02-09T21:05:00Z"), lead: "frank", state: .acknowledged,
            compromised: true, checklistDone: ["restore-backup", "upgrade"])
        emergency.handoffs = [
            Handoff(from: "alice", to: "frank", at: utc("2026-02-09T22:00:00Z"), note: "Restoring backup")
        ]
        let tickets: [Ticket] =
            (0..<12).map { i in
                // Urgent, calendar clock: deadlines from 22:50 (breached) every 10 minutes.
                Ticket(
                    id: Int64(2000 + i), subject: "Urgent | \(i)", organization: "Org", priority: .urgent,
                    createdAt: utc("2026-02-09T22:20:00Z").addingTimeInterval(Double(i) * 600),
                    region: i.isMultiple(of: 2) ? .amer : nil)
            } + [
                Ticket(
                    id: 3000, subject: "Later", organization: "Org", priority: .low,
                    createdAt: utc("2026-02-09T23:00:00Z")),
                Ticket(
                    id: 3001, subject: "Paused", organization: "Org", createdAt: utc("2026-02-09T23:00:00Z"),
                    slaPaused: true),
            ]
        return Board(
            tickets: tickets,
            escalations: [
                Escalation(
                    id: 88, ticket: 4_242_424, title: "Renewal blocked", customer: "Beta", urgency: .timely,
                    state: .assigned, announcedAt: utc("2026-02-09T23:00:00Z"), acknowledgedBy: "alice", owner: "carol"),
                Escalation(id: 89, title: "Slow replies", urgency: .urgent, announcedAt: utc("2026-02-09T22:30:00Z")),
            ],
            emergencies: [emergency], rota: EmergencyCommandTests.rota,
            upgrades: [
                UpgradeRequest(
                    id: 77, customer: "Gamma", scheduledAt: utc("2026-02-14T18:00:00Z"),
                    requestedAt: utc("2026-02-09T10:00:00Z"),
                    engineer: "ed")
            ],
            notices: [Notice(id: 3, title: "Credential leak", cmoc: "cara", since: utc("2026-02-09T20:00:00Z"))])
    }

    static var audit: [AuditEvent] {
        [
            AuditEvent(
                id: 2, at: utc("2026-02-09T22:00:00Z"), actor: "alice", verb: "emergency.handoff",
                target: RecordRef(.emergency, 123_456), before: "lead=alice", after: "lead=frank",
                note: "Restoring backup"),
            AuditEvent(
                id: 1, at: utc("2026-02-09T16:10:00Z"), actor: "alice", verb: "escalation.ack",
                target: RecordRef(.escalation, 88), before: "state=new", after: "state=acknowledged by alice"),
            AuditEvent(
                id: 0, at: utc("2026-02-09T15:00:00Z"), actor: "emma", verb: "notice.add", target: RecordRef(.notice, 2)
            ),
        ]
    }

    static var report: HandoffReport {
        HandoffReport(
            overview: Overview.make(from: board, config: gitlab), audit: audit, since: since, now: now, config: gitlab)
    }

    @Test func contents() {
        let r = Self.report
        #expect(r.onCall == "alice" && r.nextManager == "kenji")
        #expect(r.emergencies.count == 1)
        #expect(r.emergencies.first?.runningSeconds == 9000)
        #expect(r.emergencies.first?.lastHandoffNote == "Restoring backup")
        #expect(
            r.emergencies.first?.checklistOpen == [
                "audit-users", "audit-code", "audit-webhooks", "audit-runners", "audit-settings",
            ])
        #expect(r.escalations.map(\.id) == [89, 88])
        #expect(r.escalations.first?.remainingSeconds == -1800)
        #expect(r.upgrades.map(\.flags) == [[.outsideHours, .shortNotice]])
        #expect(r.notices.map(\.id) == [3])
        #expect(r.frtAtRisk.count == HandoffReport.frtLimit)
        #expect(r.frtAtRisk.first?.ticket == 2000 && r.frtAtRisk.first?.risk == .breached)
        // 12 urgent tickets due every 10 minutes from 22:50: at 23:30, 4 breached, 4 critical (<= 30 min), 4 warning.
        #expect(r.frtAtRiskTotal == 12)
        #expect(r.frtByRisk.map(\.name) == ["breached", "critical", "warning", "ok", "paused"])
        #expect(r.frtByRisk.map(\.count) == [4, 4, 4, 1, 1])
        #expect(
            r.frtAtRiskByRegion == [
                HandoffReport.Count(name: "AMER", count: 6), HandoffReport.Count(name: "none", count: 6),
            ])
        #expect(r.waitingForFirstReply == 14)
        #expect(r.done.map(\.id) == [1, 2])
        #expect(
            r.alerts.map(\.kind) == [
                .securityIncident, .compromisedInstance, .overdueEscalation, .frtBuildUp, .upgradeAttention,
            ])
    }

    @Test func roundTripsAsJSON() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(Self.report)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(HandoffReport.self, from: data) == Self.report)
    }

    @Test func markdown() throws {
        let text = Self.report.markdown(timeZone: TimeZone(identifier: "UTC")!)
        #expect(text.hasPrefix("## Support Manager On-call hand-off: 2026-02-09 23:30 UTC\n"))
        #expect(text.contains("Shift since 2026-02-09 16:00 UTC · on call: **alice** · next: **kenji**"))
        #expect(
            text.contains(
                "- **123456** Instance down (Acme): acknowledged, running 2h 30m, lead frank, engineer ed, **compromised instance**"
            ))
        #expect(text.contains(", **compromised instance** (open steps: audit-users, audit-code, audit-webhooks, audit-runners, audit-settings); last hand-off note: Restoring backup\n"))
        #expect(text.contains("- **89** Slow replies: urgent, new, **overdue by 30m**\n"))
        #expect(
            text.contains(
                "- **88** (ticket 4242424) Renewal blocked (Beta): timely, assigned, owner carol, respond by 00:00 (30m 00s)\n"
            ))
        #expect(text.contains("- **77** Gamma at 2026-02-14 18:00 UTC, engineer ed: outside-hours, short-notice\n"))
        #expect(text.contains("- **security**: Credential leak since 2026-02-09 20:00 UTC, CMOC cara\n"))
        #expect(text.contains("### FRT at risk (12 of 14 waiting for a first reply)\n"))
        #expect(text.contains("| 2000 | breached | -40m | urgent | AMER | Priority Support | Urgent \\| 0 |\n"))
        #expect(text.contains("### Done this shift (2 actions)\n- 16:10 alice acknowledged escalation 88\n"))
        #expect(text.contains("- 22:00 alice handed emergency 123456 off to frank: Restoring backup\n"))
        // Open work comes before what was done.
        let open = try #require(text.range(of: "### Open escalations"))
        let done = try #require(text.range(of: "### Done this shift"))
        #expect(open.lowerBound < done.lowerBound)
        #expect(!text.contains("notice.add"))
    }

    @Test func emptyShift() {
        let report = HandoffReport(overview: Overview(), audit: [], since: Self.since, now: Self.now, config: gitlab)
        let text = report.markdown(timeZone: TimeZone(identifier: "America/Los_Angeles")!)
        #expect(text.contains("### Open emergencies (0)\n- none\n"))
        #expect(text.contains("### Done this shift (0 actions)\n- nothing recorded"))
        #expect(text.contains("2026-02-09 15:30 PST"))
    }
}

extension HandoffReportTests {
    @Test func defaultSinceIsTheStintStart() {
        let overview = Overview.make(from: Self.board, config: gitlab)
        #expect(HandoffReport.defaultSince(overview: overview, now: Self.now) == utc("2026-02-09T19:00:00Z"))
        #expect(HandoffReport.defaultSince(overview: Overview(), now: Self.now) == utc("2026-02-09T15:30:00Z"))
    }
}
