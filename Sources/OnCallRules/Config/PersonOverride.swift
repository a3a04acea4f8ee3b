/// A `[people."Full Name"]` table: identities that win over what the pull learnt (empty = not set).
public struct PersonOverride: Codable, Sendable, Equatable {
    public var email: String
    public var pagerdutyId: String
    public var gitlabUsername: String
    public var gitlabId: Int64
    public var slackId: String

    public init(
        email: String = "", pagerdutyId: String = "", gitlabUsername: String = "", gitlabId: Int64 = 0,
        slackId: String = ""
    ) {
        self.email = email
        self.pagerdutyId = pagerdutyId
        self.gitlabUsername = gitlabUsername
        self.gitlabId = gitlabId
        self.slackId = slackId
    }

    /// The config keys of a person's table.
    public static let keys = ["email", "pagerduty_id", "gitlab_username", "gitlab_id", "slack_id"]
}
