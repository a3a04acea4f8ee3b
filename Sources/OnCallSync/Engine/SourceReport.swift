import Foundation
import OnCallRules

/// The result of one pull of one source, as `oncall sync` prints it.
public struct SourceReport: Sendable, Codable, Equatable {
    public var source: SourceKind
    public var ok: Bool
    public var tally: PullTally
    /// Why it failed (never a token), nil on success.
    public var error: String?

    public init(source: SourceKind, ok: Bool, tally: PullTally, error: String?) {
        self.source = source
        self.ok = ok
        self.tally = tally
        self.error = error
    }

    /// `gitlab: 3 pages, 212 read, 4 new, 9 updated, 199 unchanged`, or `pagerduty: failed: 401 check $VAR`
    /// (with what landed before the failure).
    public var line: String {
        guard let error else { return "\(source.rawValue): \(tally.line)" }
        let landed = tally.pages > 0 ? " (before it: \(tally.line))" : ""
        return "\(source.rawValue): failed: \(error)\(landed)"
    }
}
