/// The four systems a live pull reads.
public enum SourceKind: String, Codable, Sendable, CaseIterable, Comparable {
    case zendesk, pagerduty, gitlab, slack

    public static func < (a: SourceKind, b: SourceKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One `[sources.<vendor>]` table. A source is on when the variable named by `tokenEnv` is set; the token
/// itself is never in the file, the store or any output. Keys another vendor does not use stay at defaults.
public struct SourceSettings: Codable, Sendable, Equatable {
    /// Base URL: `https://`, or `http://` for a loopback address only.
    public var url: String
    /// The NAME of the environment variable holding the token.
    public var tokenEnv: String
    public var pollSeconds: Int
    /// Zendesk: when set, the token is an API token sent as `email/token` Basic auth (else OAuth Bearer).
    public var email: String
    /// Zendesk: the view to read (0 = the incremental export).
    public var viewId: Int64
    /// PagerDuty: email of the user the program writes as (the `From` header).
    public var from: String
    /// PagerDuty: the services whose incidents are pulled; [] = every service the token sees.
    public var serviceIds: [String]
    /// PagerDuty: `/oncalls` filters for the rota.
    public var escalationPolicyIds: [String]
    public var scheduleIds: [String]
    /// GitLab: the escalation tracker project's path.
    public var project: String
    /// Slack: channel ids.
    public var escalationsChannel: String
    public var teamChannel: String

    public init(
        url: String, tokenEnv: String, pollSeconds: Int, email: String = "", viewId: Int64 = 0, from: String = "",
        serviceIds: [String] = [], escalationPolicyIds: [String] = [], scheduleIds: [String] = [],
        project: String = "", escalationsChannel: String = "", teamChannel: String = ""
    ) {
        self.url = url
        self.tokenEnv = tokenEnv
        self.pollSeconds = pollSeconds
        self.email = email
        self.viewId = viewId
        self.from = from
        self.serviceIds = serviceIds
        self.escalationPolicyIds = escalationPolicyIds
        self.scheduleIds = scheduleIds
        self.project = project
        self.escalationsChannel = escalationsChannel
        self.teamChannel = teamChannel
    }

    /// The shipped defaults of each source (the config contract).
    public static func defaults(_ kind: SourceKind) -> SourceSettings {
        switch kind {
        case .zendesk:
            SourceSettings(url: "https://gitlab.zendesk.com", tokenEnv: "ONCALL_ZENDESK_TOKEN", pollSeconds: 60)
        case .pagerduty:
            SourceSettings(url: "https://api.pagerduty.com", tokenEnv: "ONCALL_PAGERDUTY_TOKEN", pollSeconds: 30)
        case .gitlab:
            SourceSettings(
                url: "https://gitlab.com", tokenEnv: "ONCALL_GITLAB_TOKEN", pollSeconds: 30,
                project: "gitlab-com/support/escalations")
        case .slack:
            SourceSettings(url: "https://slack.com/api", tokenEnv: "ONCALL_SLACK_TOKEN", pollSeconds: 30)
        }
    }

    /// The config keys each source accepts.
    public static func keys(_ kind: SourceKind) -> [String] {
        let common = ["url", "token_env", "poll_seconds"]
        switch kind {
        case .zendesk: return common + ["email", "view_id"]
        case .pagerduty: return common + ["from", "service_ids", "escalation_policy_ids", "schedule_ids"]
        case .gitlab: return common + ["project"]
        case .slack: return common + ["escalations_channel", "team_channel"]
        }
    }
}

/// Every `[sources.*]` table.
public struct SourcesSettings: Codable, Sendable, Equatable {
    public var zendesk = SourceSettings.defaults(.zendesk)
    public var pagerduty = SourceSettings.defaults(.pagerduty)
    public var gitlab = SourceSettings.defaults(.gitlab)
    public var slack = SourceSettings.defaults(.slack)

    public init() {}

    public subscript(kind: SourceKind) -> SourceSettings {
        get {
            switch kind {
            case .zendesk: zendesk
            case .pagerduty: pagerduty
            case .gitlab: gitlab
            case .slack: slack
            }
        }
        set {
            switch kind {
            case .zendesk: zendesk = newValue
            case .pagerduty: pagerduty = newValue
            case .gitlab: gitlab = newValue
            case .slack: slack = newValue
            }
        }
    }
}
