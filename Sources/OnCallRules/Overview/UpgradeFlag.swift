/// Why an upgrade assistance request needs the manager's attention.
public enum UpgradeFlag: String, Codable, Sendable, CaseIterable {
    case outsideHours = "outside-hours"
    case shortNotice = "short-notice"
    case unassigned
    case assigneeChanged = "assignee-changed"
}
