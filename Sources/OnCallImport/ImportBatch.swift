import Foundation
import OnCallRules

/// Everything read from one input, mapped onto records but not yet merged with the store.
public struct ImportBatch: Sendable {
    public var vendor: Vendor
    /// The input's name (file path or `-`).
    public var input: String
    /// True when the vendor was detected from the content rather than given.
    public var detected: Bool
    public var tickets: [ImportedTicket] = []
    /// PagerDuty incidents and webhook events, in input order.
    public var incidents: [IncidentObservation] = []
    public var escalations: [Escalation] = []
    /// On-call entries (ids assigned at merge).
    public var rota: [RotaEntry] = []
    /// Items read, including skipped ones.
    public var read = 0
    /// Items read but not imported (filtered service, non-ticket search result, annotation...).
    public var skipped = 0
    public var warnings = ImportWarnings()
    /// The paging members of the last document read (a live pull asks for the next page with them).
    public var envelope = ImportEnvelope()
    /// The people the payload names, once each (by name), with their vendor identities.
    public var people: [ImportedPerson] = []

    /// Adds a person, or fills in what an earlier mention of the same name left unknown.
    mutating func meet(_ person: ImportedPerson) {
        guard !person.name.isEmpty else { return }
        if let i = people.firstIndex(where: { $0.name == person.name }) {
            people[i].email = people[i].email ?? person.email
            people[i].pagerdutyId = people[i].pagerdutyId ?? person.pagerdutyId
            people[i].gitlabUsername = people[i].gitlabUsername ?? person.gitlabUsername
            people[i].gitlabId = people[i].gitlabId ?? person.gitlabId
            people[i].zendeskId = people[i].zendeskId ?? person.zendeskId
        } else {
            people.append(person)
        }
    }

    public init(vendor: Vendor, input: String, detected: Bool) {
        self.vendor = vendor
        self.input = input
        self.detected = detected
    }
}

/// A Zendesk ticket and what the payload did not say (so the merge keeps what the store knows).
public struct ImportedTicket: Sendable, Equatable {
    public var ticket: Ticket
    /// False when the ticket had no `slas` object (not requested): the stored SLA fields are kept.
    public var slaKnown: Bool
    /// Set when the ticket has an organization whose name was not sideloaded.
    public var unresolvedOrganization: Int64?
    /// Set when the ticket has an assignee whose name was not sideloaded.
    public var unresolvedAssignee: Int64?
}

/// What one PagerDuty payload says about an incident at one moment (a REST body or a webhook event).
public struct IncidentObservation: Sendable, Equatable {
    /// The webhook event type (`incident.acknowledged`), or `rest` for a REST incident.
    public var event: String
    public var incidentId: String
    public var number: Int64
    /// The incident's `title`, else its `summary` (some answers, such as snooze, carry only the summary).
    public var title: String?
    /// Nil when the status was not given or not understood.
    public var status: EmergencyState?
    /// When the incident was created (the page time); nil when the payload does not say.
    public var createdAt: Date?
    /// When this was true: the event's `occurred_at`, or the incident's `updated_at`.
    public var observedAt: Date
    /// First assignee (or acknowledger) by display name.
    public var engineer: String?
    public var acknowledgedAt: Date?
    public var escalatedAt: Date?
    public var resolvedAt: Date?
    /// The Zendesk ticket number found in the title with the configured pattern: an attribute, not the key.
    public var ticket: Int64?
    /// The incident's PagerDuty service (`service.id`, `service.summary`): it picks the missed-page tiers.
    public var serviceId: String? = nil
    public var serviceName: String? = nil
}

/// Warnings met while reading: all counted, the first `limit` kept as messages.
public struct ImportWarnings: Sendable, Equatable, Codable {
    public static let limit = 50
    public private(set) var count = 0
    public private(set) var messages: [String] = []

    public init() {}

    mutating func add(_ message: String) {
        count += 1
        if messages.count < Self.limit { messages.append(message) }
    }
}
