/// Escalation (STAR) urgency, which sets how soon the manager must respond.
public enum Urgency: String, Codable, Sendable, CaseIterable {
    case notUrgent = "not-urgent"
    case timely
    case urgent
    case unknown
}
