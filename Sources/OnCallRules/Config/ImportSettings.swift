/// How vendor payloads map onto records (DOMAIN.md §1.3, FORMATS.md).
public struct ImportSettings: Codable, Sendable, Equatable {
    /// Zendesk tag -> plan; the first tag of a ticket found here wins, in `planTagOrder` order.
    public var zendeskPlanTags: [String: Plan]
    /// Zendesk ticket form id -> plan (e.g. the L&R form).
    public var zendeskPlanForms: [Int64: Plan]
    /// The plan for a ticket with an organization but no matching tag or form.
    public var zendeskDefaultPlan: Plan
    /// The custom field id holding the preferred region; nil = no region.
    public var zendeskRegionField: Int64?
    /// Zendesk ticket form id -> the form's name as SLA policies match it (`emergencies`, `licensing`...).
    public var zendeskForms: [Int64: String]
    /// The custom field id holding the ticket stage (Needs Org, Needs Triage...); nil = no stage.
    public var zendeskStageField: Int64?
    /// A regular expression whose first capture group is the Zendesk ticket number in a PagerDuty title.
    public var pagerdutyTicketPattern: String
    /// PagerDuty service names (or ids) to keep; empty = all.
    public var pagerdutyServices: [String]
    /// A pending or on-hold ticket whose first-reply metric is not active counts as replied (an agent
    /// normally replies before setting pending).
    public var zendeskPendingReplied: Bool

    public init(
        zendeskPlanTags: [String: Plan], zendeskPlanForms: [Int64: Plan] = [:], zendeskDefaultPlan: Plan = .standard,
        zendeskRegionField: Int64? = nil, zendeskForms: [Int64: String] = [:], zendeskStageField: Int64? = nil,
        pagerdutyTicketPattern: String, pagerdutyServices: [String] = [], zendeskPendingReplied: Bool = true
    ) {
        self.zendeskPlanTags = zendeskPlanTags
        self.zendeskPlanForms = zendeskPlanForms
        self.zendeskDefaultPlan = zendeskDefaultPlan
        self.zendeskRegionField = zendeskRegionField
        self.zendeskForms = zendeskForms
        self.zendeskStageField = zendeskStageField
        self.pagerdutyTicketPattern = pagerdutyTicketPattern
        self.pagerdutyServices = pagerdutyServices
        self.zendeskPendingReplied = zendeskPendingReplied
    }
}
