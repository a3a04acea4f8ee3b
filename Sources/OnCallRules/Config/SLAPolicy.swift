/// An FRT SLA policy: a target per ticket priority, plus one for tickets with no priority.
public struct SLAPolicy: Codable, Sendable, Equatable {
    /// Shown in the FRT pane and `status --json` (`policy`).
    public var name: String
    public var targets: [TicketPriority: SLATarget]
    /// Used when the ticket has no priority; nil = no SLA without a priority.
    public var unprioritized: SLATarget?
    /// A ticket with one of these regions counts its target on that schedule instead of the target's own
    /// (regional hours, DOMAIN.md §2). Empty = the target's schedule for every ticket.
    public var regionSchedules: [Region: String]

    public init(
        name: String, targets: [TicketPriority: SLATarget], unprioritized: SLATarget? = nil,
        regionSchedules: [Region: String] = [:]
    ) {
        self.name = name
        self.targets = targets
        self.unprioritized = unprioritized
        self.regionSchedules = regionSchedules
    }
}
