import Foundation

/// Why a pull failed, in words fit for the header line and `oncall sources` (never a token).
public enum SyncFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401/403: the credentials; names the variable to fix.
    case credentials(status: Int, variable: String)
    /// 429 still after the waits a pull allows.
    case rateLimited(retryAfter: TimeInterval)
    /// 5xx, 408 and other statuses after the retries, with the vendor's words.
    case status(Int, String)
    case network(String)
    case timeout
    case malformed(String)
    case refusedURL(String)
    /// The store refused the write (locked, full, read-only): the vendor's data was fine.
    case store(String)
    case cancelled

    public var description: String {
        switch self {
        case .credentials(let status, let variable): "\(status) check $\(variable)"
        case .rateLimited(let wait): "429 rate limited, retry in \(Int(wait.rounded(.up)))s"
        case .status(let code, let words): words.isEmpty ? "HTTP \(code)" : "HTTP \(code): \(words)"
        case .network(let words): "network: \(words)"
        case .timeout: "timed out"
        case .malformed(let words): "bad answer: \(words)"
        case .refusedURL(let url): "refused \(url): only https (http to 127.0.0.1 only)"
        case .store(let words): "store: \(words)"
        case .cancelled: "cancelled"
        }
    }

    /// Worth another try within the same pull (a server or network hiccup).
    var isTransient: Bool {
        switch self {
        case .status(let code, _): code == 408 || code >= 500
        case .network, .timeout: true
        default: false
        }
    }
}
