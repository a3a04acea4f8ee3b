/// An FRT SLA policy as Zendesk has one: conditions saying which tickets it applies to, a target per ticket
/// priority, plus one for tickets with no priority. Policies are tried in `OnCallConfig.policyOrder`; the
/// first whose conditions hold applies.
public struct SLAPolicy: Codable, Sendable, Equatable {
    /// Shown in the FRT pane and `status --json` (`policy`).
    public var name: String
    /// Every one of these must hold (Zendesk's "all" conditions).
    public var all: [PolicyCondition]
    /// At least one of these must hold, when there are any (Zendesk's "any" conditions).
    public var any: [PolicyCondition]
    public var targets: [TicketPriority: SLATarget]
    /// Used when the ticket has no priority; nil = no SLA without a priority.
    public var unprioritized: SLATarget?
    /// A ticket with one of these regions counts its target on that schedule instead of the target's own
    /// (regional hours, DOMAIN.md §2). Empty = the target's schedule for every ticket.
    public var regionSchedules: [Region: String]

    public init(
        name: String, all: [PolicyCondition] = [], any: [PolicyCondition] = [],
        targets: [TicketPriority: SLATarget], unprioritized: SLATarget? = nil, regionSchedules: [Region: String] = [:]
    ) {
        self.name = name
        self.all = all
        self.any = any
        self.targets = targets
        self.unprioritized = unprioritized
        self.regionSchedules = regionSchedules
    }

    /// Whether the policy applies to the ticket: all of `all`, and one of `any` when it has any.
    public func matches(_ ticket: Ticket) -> Bool {
        all.allSatisfy { $0.holds(for: ticket) } && (any.isEmpty || any.contains { $0.holds(for: ticket) })
    }
}
