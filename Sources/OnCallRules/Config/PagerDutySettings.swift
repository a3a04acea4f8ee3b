/// Where a manual emergency trigger is sent. The routing key comes from the environment, never from here.
public struct PagerDutySettings: Codable, Sendable, Equatable {
    public var eventsURL: String
    /// The environment variable that holds the Events API v2 routing key.
    public var routingKeyEnv: String
    public var impactedService: String
    public var assignTo: String

    public init(
        eventsURL: String = "https://events.pagerduty.com/v2/enqueue", routingKeyEnv: String = "ONCALL_PAGERDUTY_ROUTING_KEY",
        impactedService: String = "Customer Support", assignTo: String = "Customer Emergency Rotation"
    ) {
        self.eventsURL = eventsURL
        self.routingKeyEnv = routingKeyEnv
        self.impactedService = impactedService
        self.assignTo = assignTo
    }
}
