/// The systems we import from.
public enum Vendor: String, Sendable, CaseIterable, Codable {
    case zendesk, pagerduty, gitlab

    /// The audit actor for changes made by an import from this vendor.
    public var actor: String { "import:\(rawValue)" }
}
