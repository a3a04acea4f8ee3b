/// The kinds of alert the rules raise.
public enum AlertKind: String, Codable, Sendable, CaseIterable {
    case missedPage = "missed-page"
    case multipleEmergencies = "multiple-emergencies"
    case longEmergency = "long-emergency"
    case overdueEscalation = "overdue-escalation"
    case frtBuildUp = "frt-build-up"
    case securityIncident = "security-incident"
    case compromisedInstance = "compromised-instance"
    case upgradeAttention = "upgrade-attention"
    /// A stored record cannot be read: the board is missing it until it is repaired.
    case unreadableRecord = "unreadable-record"
    /// A live source has failed for longer than twice its poll interval: the board is going stale.
    case sourceFailing = "source-failing"
}
