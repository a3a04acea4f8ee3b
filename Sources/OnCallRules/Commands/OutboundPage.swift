/// A PagerDuty Events API v2 trigger to send after the command has committed (the manual emergency trigger).
public struct OutboundPage: Sendable, Equatable {
    /// The incident title: the Zendesk ticket number, as the handbook asks.
    public var summary: String
    public var dedupKey: String
    public var impactedService: String
    public var assignTo: String
    /// The local emergency the page is about, so a screen can show on its row how the page went.
    public var emergencyId: Int64?

    public init(
        summary: String, dedupKey: String, impactedService: String, assignTo: String, emergencyId: Int64? = nil
    ) {
        self.summary = summary
        self.dedupKey = dedupKey
        self.impactedService = impactedService
        self.assignTo = assignTo
        self.emergencyId = emergencyId
    }

    /// The PagerDuty fields the handbook gives for a manual trigger, to type in by hand when sending failed.
    public var fields: String {
        "Impacted Service: \(impactedService) · Assign to: \(assignTo) · Title: \(summary)"
    }
}
