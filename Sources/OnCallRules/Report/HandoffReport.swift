import Foundation

/// The shift hand-off report: what the next manager must know, built purely from an overview, the audit
/// events of the shift, `now` and the config. Codable for `--json`; `markdown(timeZone:)` for Slack or an issue.
public struct HandoffReport: Codable, Sendable, Equatable {
    /// An open emergency as the next manager needs to see it.
    public struct EmergencyLine: Codable, Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var customer: String?
        public var state: EmergencyState
        public var lead: String?
        public var engineer: String?
        public var pagedAt: Date
        public var runningSeconds: Double
        public var missedPage: MissedPage
        public var lastHandoffNote: String?
        public var compromised: Bool
        /// Recovery steps still open, for a compromised instance.
        public var checklistOpen: [String]
    }

    /// An open escalation with its owner and countdown.
    public struct EscalationLine: Codable, Sendable, Equatable {
        public var id: Int64
        public var ticket: Int64?
        public var title: String
        public var customer: String?
        public var urgency: Urgency
        public var state: EscalationState
        public var owner: String?
        public var acknowledgedBy: String?
        public var respondBy: Date
        public var remainingSeconds: Double
    }

    /// An upgrade request with the flags that need attention.
    public struct UpgradeLine: Codable, Sendable, Equatable {
        public var id: Int64
        public var customer: String
        public var scheduledAt: Date
        public var engineer: String?
        public var flags: [UpgradeFlag]
    }

    /// A ticket close to (or past) its FRT breach.
    public struct FRTLine: Codable, Sendable, Equatable {
        public var ticket: Int64
        public var subject: String
        public var organization: String?
        public var region: Region?
        public var priority: TicketPriority?
        public var policy: String
        public var deadline: Date
        public var remainingSeconds: Double
        public var risk: Risk
    }

    /// A name and how many.
    public struct Count: Codable, Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    public var generatedAt: Date
    public var since: Date
    /// Who is on call now and who follows.
    public var onCall: String?
    public var nextManager: String?
    public var emergencies: [EmergencyLine]
    public var escalations: [EscalationLine]
    public var upgrades: [UpgradeLine]
    public var notices: [Notice]
    /// The most urgent at-risk tickets (breached, critical, warning), at most ten.
    public var frtAtRisk: [FRTLine]
    /// How many tickets are at risk in all.
    public var frtAtRiskTotal: Int
    /// At-risk tickets per preferred region (`none` without one).
    public var frtAtRiskByRegion: [Count]
    /// Every FRT item per risk level.
    public var frtByRisk: [Count]
    public var waitingForFirstReply: Int
    public var alerts: [Alert]
    /// What was done during the shift, oldest first.
    public var done: [AuditEvent]

    /// How many at-risk tickets the report lists.
    public static let frtLimit = 10

    /// The default `--since`: when the current on-call stint began, else eight hours (one shift) ago.
    public static func defaultSince(overview: Overview, now: Date) -> Date {
        overview.onCallStatus(at: now)?.since ?? now.addingTimeInterval(-8 * 3600)
    }

    /// Every piece of text from a record, a vendor or a person is kept cleaned and neutralised
    /// (`ReportText.neutral`): no format of the report (JSON, Markdown, Slack) carries escape sequences,
    /// controls, line breaks, mentions or links that customers typed.
    public init(overview: Overview, audit: [AuditEvent], since: Date, now: Date, config: OnCallConfig) {
        func n(_ text: String) -> String { ReportText.neutral(text) }
        func n(_ text: String?) -> String? { text.map(ReportText.neutral) }
        generatedAt = now
        self.since = since
        let status = overview.onCallStatus(at: now)
        onCall = n(status?.name)
        nextManager = n(status?.next?.name ?? overview.nextManager(after: now)?.name)
        emergencies = overview.emergencies.filter(\.state.isOpen).map { e in
            EmergencyLine(
                id: e.id, title: n(e.title), customer: n(e.customer), state: e.state, lead: n(e.lead),
                engineer: n(e.engineer),
                pagedAt: e.pagedAt, runningSeconds: now.timeIntervalSince(e.pagedAt),
                missedPage: MissedPage.of(e, at: now, timings: config.emergency),
                lastHandoffNote: n(e.handoffs.last?.note), compromised: e.compromised,
                checklistOpen: e.compromised
                    ? CompromisedChecklist.items.map(\.id).filter { !e.checklistDone.contains($0) } : [])
        }
        escalations = overview.escalations.filter(\.escalation.state.isOpen).map { item in
            let e = item.escalation
            return EscalationLine(
                id: e.id, ticket: e.ticket, title: n(e.title), customer: n(e.customer), urgency: e.urgency,
                state: e.state, owner: n(e.owner), acknowledgedBy: n(e.acknowledgedBy), respondBy: item.respondBy,
                remainingSeconds: item.remaining(at: now))
        }
        upgrades = overview.upgrades.compactMap { u in
            let flags = u.flags(at: now, config: config)
            return flags.isEmpty
                ? nil
                : UpgradeLine(
                    id: u.id, customer: n(u.customer), scheduledAt: u.scheduledAt, engineer: n(u.engineer),
                    flags: flags)
        }
        notices = overview.notices.filter(\.isActive).map { notice in
            var notice = notice
            notice.title = n(notice.title)
            notice.kind = n(notice.kind)
            notice.cmoc = n(notice.cmoc)
            // The manager's own link stays a link; only control characters go.
            notice.link = notice.link.map(SafeText.clean)
            return notice
        }
        let atRiskLevels: Set<Risk> = [.breached, .critical, .warning]
        let atRisk = overview.frt.filter { atRiskLevels.contains($0.risk(at: now, thresholds: config.risk)) }
        frtAtRisk = atRisk.prefix(Self.frtLimit).compactMap { item in
            guard let deadline = item.deadline else { return nil }
            return FRTLine(
                ticket: item.ticket.id, subject: n(item.ticket.subject), organization: n(item.ticket.organization),
                region: item.ticket.region, priority: item.ticket.priority, policy: item.policy, deadline: deadline,
                remainingSeconds: deadline.timeIntervalSince(now), risk: item.risk(at: now, thresholds: config.risk))
        }
        frtAtRiskTotal = atRisk.count
        frtAtRiskByRegion = (Region.allCases.map(\.rawValue) + ["none"]).compactMap { name in
            let count = atRisk.filter { ($0.ticket.region?.rawValue ?? "none") == name }.count
            return count == 0 ? nil : Count(name: name, count: count)
        }
        frtByRisk = Risk.allCases.compactMap { risk in
            let count = overview.frt.filter { $0.risk(at: now, thresholds: config.risk) == risk }.count
            return count == 0 ? nil : Count(name: risk.rawValue, count: count)
        }
        waitingForFirstReply = overview.waitingForFirstReply
        alerts = overview.alerts(at: now, config: config).map { alert in
            var alert = alert
            alert.message = n(alert.message)
            return alert
        }
        done = audit.filter { $0.at >= since && $0.at <= now }.sorted { ($0.at, $0.id ?? 0) < ($1.at, $1.id ?? 0) }
            .map { event in
                var event = event
                event.actor = n(event.actor)
                event.before = n(event.before)
                event.after = n(event.after)
                event.note = n(event.note)
                return event
            }
    }
}
