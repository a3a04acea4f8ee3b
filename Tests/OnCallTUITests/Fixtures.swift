import Foundation
import OnCallRules

@testable import OnCallTUI

/// Fixed clock and records for dashboard tests.
enum Fixtures {
    /// Friday 2026-11-27 14:02:33 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_788_153)
    static let utc = TimeZone(identifier: "UTC")!

    static func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    static let rota: [RotaEntry] = [
        RotaEntry(id: 1, name: "alice", region: .emea, start: at(-5 * 60 - 2), end: at(3 * 60 - 2)),
        RotaEntry(id: 2, name: "carol", region: .amer, start: at(3 * 60 - 2), end: at(11 * 60 - 2)),
        RotaEntry(id: 3, name: "bob", region: .emea, start: at(-32), end: at(58), kind: .cover, covering: "alice"),
    ]

    static let emergencies: [Emergency] = [
        Emergency(
            id: 4_411_001, ticket: 4_411_001, title: "All users get 502 on git push", customer: "Acme Corp",
            pagedAt: at(-14), incidentId: "PT4KHLK", incidentNumber: 9912),
        Emergency(
            id: 4_411_002, ticket: 4_411_002, title: "Runners compromised, unknown jobs", customer: "株式会社サンプル",
            pagedAt: at(-95), engineer: "dmitri", engineerAcknowledgedAt: at(-90), lead: "alice", state: .acknowledged,
            compromised: true, checklistDone: ["restore-backup"]),
    ]

    static let escalations: [EscalationItem] = [
        EscalationItem(
            escalation: Escalation(
                id: 881, ticket: 4_400_123, title: "License not applied after renewal", customer: "Zürich Bank AG",
                urgency: .urgent, announcedAt: at(-42)), respondBy: at(-12)),
        EscalationItem(
            escalation: Escalation(
                id: 882, ticket: 4_400_456, title: "Geo replication stuck 🚀 since upgrade", customer: "Globex",
                urgency: .timely, state: .acknowledged, announcedAt: at(-20), acknowledgedBy: "alice",
                acknowledgedAt: at(-18)), respondBy: at(40)),
        EscalationItem(
            escalation: Escalation(
                id: 883, ticket: nil, title: "Customer asks for a call about CI minutes", customer: "Initech",
                urgency: .notUrgent, announcedAt: at(-10)), respondBy: at(110)),
    ]

    static let upgrades: [UpgradeRequest] = [
        UpgradeRequest(id: 4_402_000, customer: "Umbrella", scheduledAt: at(3 * 24 * 60), requestedAt: at(-2 * 24 * 60))
    ]

    static func frt(
        _ id: Int64, _ subject: String, org: String?, minutes: Double?, plan: Plan = .priority,
        priority: TicketPriority = .high, region: Region? = .emea, paused: Bool = false
    ) -> FRTItem {
        FRTItem(
            ticket: Ticket(
                id: id, subject: subject, organization: org, plan: plan, priority: priority, createdAt: at(-300),
                region: region, slaPaused: paused),
            deadline: minutes.map(at), paused: paused, policy: org == nil ? "Needs Org" : "Priority Support")
    }

    static let tickets: [FRTItem] = [
        frt(4_412_001, "Pipeline fails with exit code 137", org: "Acme Corp", minutes: -12, priority: .urgent),
        frt(4_412_002, "Cannot log in after SAML change", org: nil, minutes: 18.7),
        frt(4_412_003, "Café crème: accents in a subject", org: "Société Générale", minutes: 100, priority: .normal),
        frt(
            4_412_004, "中文主题：合并请求无法创建", org: "深圳科技有限公司", minutes: 3 * 24 * 60 + 4 * 60, priority: .low,
            region: .apac),
        frt(4_412_005, "Question about backups", org: "Hooli", minutes: nil, priority: .normal, paused: true),
    ]

    static let notices = [
        Notice(
            id: 1, title: "Credential stuffing against GitLab.com", cmoc: "erin", link: "https://status.example/1",
            since: at(-40))
    ]

    static func overview(
        emergencies: [Emergency] = emergencies, escalations: [EscalationItem] = escalations,
        frt: [FRTItem] = tickets, upgrades: [UpgradeRequest] = upgrades, notices: [Notice] = notices
    ) -> Overview {
        Overview(
            emergencies: emergencies, escalations: escalations, frt: frt, waitingForFirstReply: frt.count + 2,
            upgrades: upgrades, notices: notices, rota: rota, asOf: at(-1))
    }

    static var config: OnCallConfig {
        var c = OnCallConfig.gitlabDefaults
        c.engineers = ["dmitri", "erin", "frank", "fatima"]
        return c
    }

    static func state(
        _ overview: Overview = overview(), width: Int = 120, height: Int = 40, readonly: Bool = false,
        noColor: Bool = false
    ) -> DashboardState {
        let s = DashboardState(
            config: config,
            options: DashboardOptions(actor: "alice", readonly: readonly, timeZone: utc, noColor: noColor),
            width: width, height: height)
        return Dashboard.update(s, .loaded(overview), now: now).0
    }

    /// The hostile strings customers can put in subjects, names and notes.
    static let hostile: [String] = [
        "ANSI \u{1B}[31mred\u{1B}[0m and \u{1B}[2J\u{1B}[H clear",
        "OSC title \u{1B}]0;pwned\u{07} and link \u{1B}]8;;http://evil\u{1B}\\click\u{1B}]8;;\u{1B}\\",
        "C0 \u{01}\u{02}\u{08}\u{7F} bell\u{07} C1 \u{85}\u{9B}31m\u{9D}0;x\u{9C} end",
        "bidi \u{202E}txt.exe\u{202C} \u{2066}iso\u{2069} ok",
        "zwj 👩\u{200D}💻 family 👨\u{200D}👩\u{200D}👧 zw\u{200B}sp",
        "combining e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} Z\u{336}\u{337}a\u{338}",
        "flag 🇩🇪 and skin 👍🏽 and heart ❤️",
        "tab\tnew\nline\r\ncr",
    ]
}
