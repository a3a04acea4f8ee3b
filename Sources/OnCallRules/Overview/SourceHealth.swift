import Foundation

/// A live source's pull state as the store last recorded it (whoever pulls), for the header and alerts.
public struct SourceHealth: Sendable, Equatable, Codable {
    public var source: SourceKind
    public var lastSuccessAt: Date?
    /// The last failure in words (never a token); nil after a success.
    public var lastError: String?
    /// When the current run of failures began; nil while it works.
    public var failingSince: Date?
    public var rateLimitedUntil: Date?
    /// Its poll interval, for "failing longer than twice its poll interval".
    public var pollSeconds: Int

    public init(
        source: SourceKind, lastSuccessAt: Date? = nil, lastError: String? = nil, failingSince: Date? = nil,
        rateLimitedUntil: Date? = nil, pollSeconds: Int = 60
    ) {
        self.source = source
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.failingSince = failingSince
        self.rateLimitedUntil = rateLimitedUntil
        self.pollSeconds = pollSeconds
    }

    /// True when it has been failing for longer than twice its poll interval at `now`.
    public func failingTooLong(at now: Date) -> Bool {
        guard lastError != nil, let since = failingSince else { return false }
        return now.timeIntervalSince(since) > 2 * Double(pollSeconds)
    }

    /// `zendesk 12s ✓`, `pagerduty ✖ 401 check $ONCALL_PAGERDUTY_TOKEN`, `gitlab 429 wait 20s`.
    public func badge(at now: Date) -> String {
        let name = source.rawValue
        if let error = lastError { return "\(name) ✖ \(error)" }
        if let until = rateLimitedUntil, until > now {
            return "\(name) 429 wait \(Self.age(Int(until.timeIntervalSince(now).rounded(.up))))"
        }
        guard let last = lastSuccessAt else { return "\(name) …" }
        return "\(name) \(Self.age(max(0, Int(now.timeIntervalSince(last))))) ✓"
    }

    /// 12s, 4m, 2h.
    static func age(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h"
    }
}
