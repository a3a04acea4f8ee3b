import Foundation

/// What a pull writes besides records, in the same transaction: its cursors, the people it met, the links
/// it learnt. Committed together with the records, so a crash never leaves a cursor ahead of its records.
public struct PullWrite: Sendable, Equatable {
    /// Cursor / high-water mark name -> value, for this pull's source.
    public var cursors: [String: String]
    public var people: [PulledPerson]
    public var links: [EscalationLink]

    public init(cursors: [String: String] = [:], people: [PulledPerson] = [], links: [EscalationLink] = []) {
        self.cursors = cursors
        self.people = people
        self.links = links
    }
}

/// One person as a vendor showed them; nil = that vendor did not say (what is known is kept).
public struct PulledPerson: Sendable, Equatable, Codable {
    public var name: String
    public var email: String?
    public var pagerdutyId: String?
    public var gitlabUsername: String?
    public var gitlabId: Int64?
    public var slackId: String?
    public var zendeskId: Int64?

    public init(
        name: String, email: String? = nil, pagerdutyId: String? = nil, gitlabUsername: String? = nil,
        gitlabId: Int64? = nil, slackId: String? = nil, zendeskId: Int64? = nil
    ) {
        self.name = name
        self.email = email
        self.pagerdutyId = pagerdutyId
        self.gitlabUsername = gitlabUsername
        self.gitlabId = gitlabId
        self.slackId = slackId
        self.zendeskId = zendeskId
    }
}

/// Where an escalation lives in the vendors: its GitLab web URL and its Slack announcement. The escalation
/// is named by id, or by GitLab identity (project id or path + iid) and found inside the pull's transaction.
public struct EscalationLink: Sendable, Equatable, Codable {
    public var escalationId: Int64?
    public var projectId: Int64?
    public var project: String?
    public var iid: Int64?
    public var webURL: String?
    public var slackChannel: String?
    public var slackTs: String?

    public init(
        escalationId: Int64? = nil, projectId: Int64? = nil, project: String? = nil, iid: Int64? = nil,
        webURL: String? = nil, slackChannel: String? = nil, slackTs: String? = nil
    ) {
        self.escalationId = escalationId
        self.projectId = projectId
        self.project = project
        self.iid = iid
        self.webURL = webURL
        self.slackChannel = slackChannel
        self.slackTs = slackTs
    }
}

/// A source's pull state as `oncall sources` and the dashboard header show it.
public struct SourceStatusRow: Sendable, Equatable, Codable {
    public var source: String
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    /// The last failure in words (never a token); nil after a success.
    public var lastError: String?
    /// When the current run of failures began; nil while it works.
    public var failingSince: Date?
    public var nextPollAt: Date?
    public var rateLimitedUntil: Date?
    /// The last pull's one-line summary.
    public var lastSummary: String?

    public init(
        source: String, lastAttemptAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil,
        failingSince: Date? = nil, nextPollAt: Date? = nil, rateLimitedUntil: Date? = nil, lastSummary: String? = nil
    ) {
        self.source = source
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.failingSince = failingSince
        self.nextPollAt = nextPollAt
        self.rateLimitedUntil = rateLimitedUntil
        self.lastSummary = lastSummary
    }
}

/// The one process that pulls for a store, until `expiresAt` (it renews well before).
public struct SyncLease: Sendable, Equatable, Codable {
    public var pid: Int32
    public var host: String
    public var acquiredAt: Date
    public var expiresAt: Date

    public init(pid: Int32, host: String, acquiredAt: Date, expiresAt: Date) {
        self.pid = pid
        self.host = host
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }
}
