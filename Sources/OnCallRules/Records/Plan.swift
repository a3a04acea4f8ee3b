/// The support plan that decides which SLA policy applies to a ticket.
public enum Plan: String, Codable, Sendable, CaseIterable {
    case priority
    case standard
    case licensing
    case usFederal = "us-federal"
    case free
    case unknown
}
