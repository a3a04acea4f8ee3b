import Foundation

/// A customer emergency (a PagerDuty page on the Customer Emergency Rotation).
public struct Emergency: Codable, Sendable, Equatable, Identifiable {
    /// The store's number for it: the Zendesk ticket number for one added by hand or triggered from an
    /// escalation, the PagerDuty incident number for an imported one (the next free number when taken).
    /// An imported emergency's identity is `incidentId`, never this number.
    public var id: Int64
    /// The Zendesk ticket number, when known: an attribute, several incidents may name one ticket.
    public var ticket: Int64?
    public var title: String
    public var customer: String?
    /// When the page went out; with `pageTimeKnown` false only a stand-in (the first event seen) that orders
    /// the pane and starts no missed-page clock.
    public var pagedAt: Date
    /// False while no payload said when the incident was created (a webhook without `created_at`).
    public var pageTimeKnown: Bool
    /// The on-call engineer (first responder).
    public var engineer: String?
    public var engineerAcknowledgedAt: Date?
    /// The manager leading the response.
    public var lead: String?
    public var state: EmergencyState
    public var handoffs: [Handoff]
    public var resolvedAt: Date?
    /// The source says the page escalated past the engineer (a missed page).
    public var escalatedAt: Date?
    /// PagerDuty incident id (`PT4KHLK`) and number, when imported.
    public var incidentId: String?
    public var incidentNumber: Int64?
    /// The PagerDuty service it was paged on (`service.id`, `service.summary`), when known: it picks the
    /// missed-page tiers (`EmergencyTimings.tiers(for:)`).
    public var serviceId: String?
    public var serviceName: String?
    /// The escalation it was triggered from, if any.
    public var escalationId: Int64?
    /// Special handling: a compromised instance, with its recovery checklist items ticked so far.
    public var compromised: Bool
    public var checklistDone: [String]
    public var sourceUpdatedAt: Date?
    public var revision: Int

    public init(
        id: Int64, ticket: Int64? = nil, title: String, customer: String? = nil, pagedAt: Date,
        engineer: String? = nil, engineerAcknowledgedAt: Date? = nil, lead: String? = nil,
        state: EmergencyState = .triggered, handoffs: [Handoff] = [], resolvedAt: Date? = nil,
        escalatedAt: Date? = nil, incidentId: String? = nil, incidentNumber: Int64? = nil,
        escalationId: Int64? = nil, compromised: Bool = false, checklistDone: [String] = [],
        sourceUpdatedAt: Date? = nil, pageTimeKnown: Bool = true, serviceId: String? = nil,
        serviceName: String? = nil, revision: Int = 0
    ) {
        self.id = id
        self.ticket = ticket
        self.title = title
        self.customer = customer
        self.pagedAt = pagedAt
        self.pageTimeKnown = pageTimeKnown
        self.engineer = engineer
        self.engineerAcknowledgedAt = engineerAcknowledgedAt
        self.lead = lead
        self.state = state
        self.handoffs = handoffs
        self.resolvedAt = resolvedAt
        self.escalatedAt = escalatedAt
        self.incidentId = incidentId
        self.incidentNumber = incidentNumber
        self.serviceId = serviceId
        self.serviceName = serviceName
        self.escalationId = escalationId
        self.compromised = compromised
        self.checklistDone = checklistDone
        self.sourceUpdatedAt = sourceUpdatedAt
        self.revision = revision
    }
}
