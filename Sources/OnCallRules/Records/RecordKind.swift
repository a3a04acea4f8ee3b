/// The kinds of record the store holds.
public enum RecordKind: String, Codable, Sendable, CaseIterable {
    case ticket, escalation, emergency, rota, upgrade, notice
}
