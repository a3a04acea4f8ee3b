/// An FRT SLA policy: a target per ticket priority, plus one for tickets with no priority.
public struct SLAPolicy: Codable, Sendable, Equatable {
    /// Shown in the FRT pane and `status --json` (`policy`).
    public var name: String
    public var targets: [TicketPriority: SLATarget]
    /// Used when the ticket has no priority; nil = no SLA without a priority.
    public var unprioritized: SLATarget?

    public init(name: String, targets: [TicketPriority: SLATarget], unprioritized: SLATarget? = nil) {
        self.name = name
        self.targets = targets
        self.unprioritized = unprioritized
    }
}
