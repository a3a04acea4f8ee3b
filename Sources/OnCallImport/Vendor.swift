/// The systems we import from.
public enum Vendor: String, Sendable, CaseIterable {
    case zendesk, pagerduty, gitlab
}
