import Foundation

/// A support escalation (STAR), one issue in the escalation tracker.
public struct Escalation: Codable, Sendable, Equatable, Identifiable {
    /// The escalation tracker issue number (`iid`).
    public var id: Int64
    /// The Zendesk ticket it is about, when known.
    public var ticket: Int64?
    public var title: String
    public var customer: String?
    public var urgency: Urgency
    public var state: EscalationState
    public var announcedAt: Date
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?
    public var owner: String?
    /// Labels kept from the tracker and added on resolve (`Escalation::License-Issue`...).
    public var labels: [String]
    public var resolutionComment: String?
    public var rejectionReason: String?
    /// When it was resolved or rejected.
    public var closedAt: Date?
    /// The emergency (its id) triggered from this escalation, if any.
    public var emergencyId: Int64?
    public var sourceUpdatedAt: Date?
    public var revision: Int

    public init(
        id: Int64, ticket: Int64? = nil, title: String, customer: String? = nil, urgency: Urgency,
        state: EscalationState = .new, announcedAt: Date, acknowledgedBy: String? = nil,
        acknowledgedAt: Date? = nil, owner: String? = nil, labels: [String] = [], resolutionComment: String? = nil,
        rejectionReason: String? = nil, closedAt: Date? = nil, emergencyId: Int64? = nil,
        sourceUpdatedAt: Date? = nil, revision: Int = 0
    ) {
        self.id = id
        self.ticket = ticket
        self.title = title
        self.customer = customer
        self.urgency = urgency
        self.state = state
        self.announcedAt = announcedAt
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.owner = owner
        self.labels = labels
        self.resolutionComment = resolutionComment
        self.rejectionReason = rejectionReason
        self.closedAt = closedAt
        self.emergencyId = emergencyId
        self.sourceUpdatedAt = sourceUpdatedAt
        self.revision = revision
    }
}
