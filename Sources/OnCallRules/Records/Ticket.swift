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
    /// Bumped by the store on every write; used to refuse commands against stale reads.
    public var revision: Int

    public init(
        id: Int64, subject: String, organization: String? = nil, plan: Plan = .priority,
        priority: TicketPriority? = .normal, status: TicketStatus = .new, createdAt: Date,
        firstReplyAt: Date? = nil, region: Region? = nil, assignee: String? = nil, slaBreachAt: Date? = nil,
        slaPaused: Bool = false, sourceUpdatedAt: Date? = nil, revision: Int = 0
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
        self.revision = revision
    }

    /// Waiting for a first reply: not replied and not solved, closed or deleted.
    public var awaitsFirstReply: Bool { firstReplyAt == nil && !status.isFinished }
}
