/// A PagerDuty Events API v2 trigger to send after the command has committed (the manual emergency trigger).
public struct OutboundPage: Sendable, Equatable {
    /// The incident title: the Zendesk ticket number, as the handbook asks.
    public var summary: String
    public var dedupKey: String
    public var impactedService: String
    public var assignTo: String

    public init(summary: String, dedupKey: String, impactedService: String, assignTo: String) {
        self.summary = summary
        self.dedupKey = dedupKey
        self.impactedService = impactedService
        self.assignTo = assignTo
    }
}
