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
}
