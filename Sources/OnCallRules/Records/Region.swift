/// A follow-the-sun support region.
public enum Region: String, Codable, Sendable, CaseIterable {
    case amer = "AMER"
    case emea = "EMEA"
    case apac = "APAC"
}
