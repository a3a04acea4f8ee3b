/// Where an FRT deadline came from: Zendesk's own SLA `breach_at`, or the local policy config.
public enum DeadlineSource: String, Codable, Sendable, Equatable {
    case zendesk, computed
}
