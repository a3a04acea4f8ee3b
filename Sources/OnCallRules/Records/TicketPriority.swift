/// Zendesk ticket priority (severity), which picks the FRT target inside a policy.
public enum TicketPriority: String, Codable, Sendable, CaseIterable {
    case urgent, high, normal, low
}
