import Foundation

/// A support escalation (STAR), one issue in the escalation tracker.
public struct Escalation: Codable, Sendable, Equatable, Identifiable {
    /// The store's number for it: the issue's `iid` for the first issue seen with that iid (and for one
    /// added by hand), the next free number for another project's issue with the same iid. An imported
    /// escalation's identity is `projectId` + `iid`, never this number.
    public var id: Int64
    /// The GitLab issue's iid (its number inside its project); nil for one added by hand (`id` is its number).
    public var iid: Int64?
    /// The GitLab project's numeric id, the stable half of the identity (a renamed or moved project keeps it).
    public var projectId: Int64?
    /// The project's path (`gitlab-com/support/escalations`), for display; may change when the project moves.
    public var project: String?
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
        sourceUpdatedAt: Date? = nil, iid: Int64? = nil, projectId: Int64? = nil, project: String? = nil,
        revision: Int = 0
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
        self.iid = iid
        self.projectId = projectId
        self.project = project
        self.revision = revision
    }

    /// The number people use: the iid, else the store's number.
    public var number: Int64 { iid ?? id }

    /// `group/project#42` when the project is known (`123#42` with only its id), else `42`.
    public var reference: String {
        guard let project = project ?? projectId.map(String.init) else { return "\(number)" }
        return "\(project)#\(number)"
    }
}
