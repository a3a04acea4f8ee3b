/// Every value the rules need. The shipped defaults are GitLab's (DOMAIN.md); a TOML file overrides keys.
public struct OnCallConfig: Codable, Sendable, Equatable {
    /// Who is acting when `--as` is not given.
    public var me: String?
    /// Named business-hours schedules; `calendar` is 24x7.
    public var schedules: [String: BusinessSchedule]
    /// The SLA policies by key (`priority`, `needs_org`...).
    public var policies: [String: SLAPolicy]
    /// The order policies are tried in, as in Zendesk: the first that matches a ticket applies.
    public var policyOrder: [String]
    public var risk: RiskThresholds
    /// Respond-by target per escalation urgency, in minutes (`unknown` uses `notUrgent`'s).
    public var escalationMinutes: [Urgency: Int]
    /// The schedule escalation respond-by minutes are counted on (the handbook: "during business hours").
    public var escalationSchedule: String
    public var emergency: EmergencyTimings
    public var alerts: AlertThresholds
    public var upgrades: UpgradeThresholds
    public var imports: ImportSettings
    public var dashboard: DashboardSettings
    public var pagerduty: PagerDutySettings
    /// Known engineers, offered as completions when assigning.
    public var engineers: [String]
    /// The live pull's `[sources.*]` tables.
    public var sources = SourcesSettings()
    /// `[people."Full Name"]`: identities that override what the pull learnt.
    public var people: [String: PersonOverride] = [:]

    public init(
        me: String?, schedules: [String: BusinessSchedule], policies: [String: SLAPolicy], policyOrder: [String],
        risk: RiskThresholds, escalationMinutes: [Urgency: Int], escalationSchedule: String = "calendar",
        emergency: EmergencyTimings,
        alerts: AlertThresholds, upgrades: UpgradeThresholds, imports: ImportSettings,
        dashboard: DashboardSettings, pagerduty: PagerDutySettings, engineers: [String]
    ) {
        self.me = me
        self.schedules = schedules
        self.policies = policies
        self.policyOrder = policyOrder
        self.risk = risk
        self.escalationMinutes = escalationMinutes
        self.escalationSchedule = escalationSchedule
        self.emergency = emergency
        self.alerts = alerts
        self.upgrades = upgrades
        self.imports = imports
        self.dashboard = dashboard
        self.pagerduty = pagerduty
        self.engineers = engineers
    }
}
