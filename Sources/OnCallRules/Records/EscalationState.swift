/// Where an escalation is in its life: new -> acknowledged -> assigned -> resolved, or rejected.
public enum EscalationState: String, Codable, Sendable, CaseIterable {
    case new, acknowledged, assigned, resolved, rejected

    /// Resolved and rejected escalations are final.
    public var isOpen: Bool { self != .resolved && self != .rejected }
}
