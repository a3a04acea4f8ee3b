/// PagerDuty-style emergency state: triggered -> acknowledged (by the engineer) -> resolved.
public enum EmergencyState: String, Codable, Sendable, CaseIterable {
    case triggered, acknowledged, resolved

    public var isOpen: Bool { self != .resolved }
}
