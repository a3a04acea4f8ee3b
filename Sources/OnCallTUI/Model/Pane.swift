/// The three panes, top to bottom.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case emergencies = 0
    case escalations
    case frt

    /// The title shown on the pane (with its number key).
    public var title: String {
        switch self {
        case .emergencies: "Emergencies"
        case .escalations: "Escalation queue"
        case .frt: "FRT breach risk"
        }
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % 3)! }
    public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3)! }
}
