/// A person a payload names with their identity in that vendor (GitLab author or assignee, PagerDuty on-call
/// user, Zendesk sideloaded user): what the people directory learns from.
public struct ImportedPerson: Sendable, Equatable {
    public var name: String
    public var email: String?
    public var pagerdutyId: String?
    public var gitlabUsername: String?
    public var gitlabId: Int64?
    public var zendeskId: Int64?

    public init(
        name: String, email: String? = nil, pagerdutyId: String? = nil, gitlabUsername: String? = nil,
        gitlabId: Int64? = nil, zendeskId: Int64? = nil
    ) {
        self.name = name
        self.email = email
        self.pagerdutyId = pagerdutyId
        self.gitlabUsername = gitlabUsername
        self.gitlabId = gitlabId
        self.zendeskId = zendeskId
    }
}
