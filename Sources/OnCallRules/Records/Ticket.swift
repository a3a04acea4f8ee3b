import Foundation

/// A Zendesk ticket as the FRT pane needs it.
public struct Ticket: Codable, Sendable, Equatable, Identifiable {
    /// Zendesk ticket number.
    public var id: Int64
    public var subject: String
    /// Organization name; nil means Needs Org (the Triage policy applies).
    public var organization: String?
    public var plan: Plan
    public var priority: TicketPriority?
    public var status: TicketStatus
    public var createdAt: Date
    /// When the first public reply was sent; a replied ticket leaves the FRT pane.
    public var firstReplyAt: Date?
    public var region: Region?
    public var assignee: String?
    /// A deadline supplied by the source (Zendesk `breach_at`); wins over the computed one.
    public var slaBreachAt: Date?
    /// The source says the FRT clock is paused: no countdown.
    public var slaPaused: Bool
    /// When the source last changed the ticket (for import merges).
    public var sourceUpdatedAt: Date?
    /// The ticket form's name (`imports.zendesk_forms` maps Zendesk form ids to names), e.g. `emergencies`.
    public var form: String?
    /// The Zendesk tags, as the SLA policies match them.
    public var tags: [String]
    /// The ticket stage (Zendesk custom field `imports.zendesk_stage_field`), normalized: `needs-org`.
    public var stage: String?
    /// Bumped by the store on every write; used to refuse commands against stale reads.
    public var revision: Int

    public init(
        id: Int64, subject: String, organization: String? = nil, plan: Plan = .priority,
        priority: TicketPriority? = .normal, status: TicketStatus = .new, createdAt: Date,
        firstReplyAt: Date? = nil, region: Region? = nil, assignee: String? = nil, slaBreachAt: Date? = nil,
        slaPaused: Bool = false, sourceUpdatedAt: Date? = nil, form: String? = nil, tags: [String] = [],
        stage: String? = nil, revision: Int = 0
    ) {
        self.id = id
        self.subject = subject
        self.organization = organization
        self.plan = plan
        self.priority = priority
        self.status = status
        self.createdAt = createdAt
        self.firstReplyAt = firstReplyAt
        self.region = region
        self.assignee = assignee
        self.slaBreachAt = slaBreachAt
        self.slaPaused = slaPaused
        self.sourceUpdatedAt = sourceUpdatedAt
        self.form = form
        self.tags = tags
        self.stage = stage
        self.revision = revision
    }

    /// Whether an organization is set (blank counts as none).
    public var hasOrganization: Bool { organization?.contains(where: { !$0.isWhitespace }) == true }

    /// The stage the SLA policies see: the known stage, else `needs-org` for a ticket with no organization
    /// (GitLab's Zendesk triggers put such tickets there, DOMAIN.md §0), else none.
    public var effectiveStage: String? { stage ?? (hasOrganization ? nil : Ticket.needsOrgStage) }

    /// The Needs Org stage, normalized.
    public static let needsOrgStage = "needs-org"

    /// A stage as policies compare it: trimmed, lowercased, spaces and underscores as hyphens.
    public static func normalizedStage(_ text: String) -> String {
        String(
            text.trimmingCharacters(in: .whitespaces).lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
    }

    /// Waiting for a first reply: not replied and not solved, closed or deleted.
    public var awaitsFirstReply: Bool { firstReplyAt == nil && !status.isFinished }
}
