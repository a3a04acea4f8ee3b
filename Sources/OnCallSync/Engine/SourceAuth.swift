import Foundation
import OnCallRules

/// The request headers that authenticate to each vendor, from a token read from the environment at start.
enum SourceAuth {
    static func headers(_ kind: SourceKind, token: String, settings: SourceSettings) -> [(String, String)] {
        switch kind {
        case .zendesk:
            if settings.email.isEmpty { return [("Authorization", "Bearer \(token)"), ("Accept", "application/json")] }
            let basic = Data("\(settings.email)/token:\(token)".utf8).base64EncodedString()
            return [("Authorization", "Basic \(basic)"), ("Accept", "application/json")]
        case .pagerduty:
            return [("Authorization", "Token token=\(token)"), ("Accept", "application/vnd.pagerduty+json;version=2")]
        case .gitlab:
            return [("PRIVATE-TOKEN", token), ("Accept", "application/json")]
        case .slack:
            return [("Authorization", "Bearer \(token)")]
        }
    }
}
