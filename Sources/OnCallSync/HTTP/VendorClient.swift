import Foundation

/// How hard a pull tries before it gives up until the next poll.
public struct RetryPolicy: Sendable {
    /// Retries of a 5xx, 408, timeout or network error, with exponential backoff and full jitter.
    public var retries: Int
    /// The first backoff's upper bound; doubled each retry.
    public var backoffBase: TimeInterval
    /// The longest `Retry-After` / `ratelimit-reset` a pull waits for in place; a longer one ends the pull
    /// (the source reports the wait and the next poll comes after it).
    public var longestRateWait: TimeInterval
    /// 429s answered in one request before the pull gives up.
    public var rateLimitRetries: Int

    public init(
        retries: Int = 3, backoffBase: TimeInterval = 1, longestRateWait: TimeInterval = 120, rateLimitRetries: Int = 5
    ) {
        self.retries = retries
        self.backoffBase = backoffBase
        self.longestRateWait = longestRateWait
        self.rateLimitRetries = rateLimitRetries
    }
}

/// One vendor's requests: base URL, authentication headers, the answer classification of SYNC.md rule 4
/// (2xx done; 401/403 names the token variable; 429 waits for `Retry-After`; 5xx and network errors back off
/// with jitter; 4xx is final), and an optional request budget.
public struct VendorClient: Sendable {
    let http: SyncHTTP
    let base: URL
    let headers: [(String, String)]
    /// The environment variable holding the token, named in a 401/403.
    let tokenVariable: String
    let policy: RetryPolicy
    /// Called with the time a rate limit lifts, whenever the client waits for one.
    let onRateLimit: @Sendable (Date) -> Void

    /// `base` + a path relative to it (`api/v4/projects/...`) + query items (names and values escaped).
    func url(_ path: String, _ query: [(String, String)]) -> URL {
        var text = base.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        text += path
        if !query.isEmpty {
            text += "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        }
        return URL(string: text)!
    }

    /// Percent-escapes everything but unreserved characters (so `[]`, `/`, `+` and `:` are escaped too).
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A next-page URL the vendor gave, accepted only on the same scheme, host and port as `base`.
    func sameOrigin(_ text: String) -> URL? {
        guard let url = URL(string: text), url.scheme == base.scheme, url.host == base.host, url.port == base.port
        else { return nil }
        return url
    }

    /// GETs `url`, retrying as the policy says; returns a 2xx answer or throws the classified failure.
    func get(_ url: URL, extraHeaders: [(String, String)] = []) async throws(SyncFailure) -> HTTPAnswer {
        var transientTries = 0
        var rateTries = 0
        while true {
            if Task.isCancelled { throw .cancelled }
            let failure: SyncFailure
            do {
                let answer = try await http.get(url, headers: headers + extraHeaders)
                switch answer.status {
                case 200..<300:
                    return answer
                case 401, 403:
                    throw SyncFailure.credentials(status: answer.status, variable: tokenVariable)
                case 429:
                    let wait = Self.retryAfter(answer.headers) ?? policy.backoffBase * 2
                    rateTries += 1
                    onRateLimit(Date().addingTimeInterval(wait))
                    guard wait <= policy.longestRateWait, rateTries <= policy.rateLimitRetries else {
                        throw SyncFailure.rateLimited(retryAfter: wait)
                    }
                    try await Self.sleep(wait)
                    continue
                default:
                    throw SyncFailure.status(answer.status, Self.words(answer.body))
                }
            } catch let error as SyncFailure {
                failure = error
            } catch {
                failure = .network("\(error)")
            }
            guard failure.isTransient, transientTries < policy.retries else { throw failure }
            transientTries += 1
            let ceiling = policy.backoffBase * pow(2, Double(transientTries - 1))
            try await Self.sleep(Double.random(in: 0...ceiling))
        }
    }

    /// `Retry-After` in seconds (or an HTTP date), else `ratelimit-reset` (seconds to wait).
    static func retryAfter(_ headers: [String: String]) -> TimeInterval? {
        if let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(text) { return max(0, seconds) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSinceNow) }
        }
        if let text = headers["ratelimit-reset"], let seconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            // GitLab sends a Unix time here, PagerDuty and Zendesk seconds to wait.
            return seconds > 1_000_000_000 ? max(0, seconds - Date().timeIntervalSince1970) : max(0, seconds)
        }
        return nil
    }

    /// The start of an error body, on one line (vendors put their reason there).
    static func words(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return String(text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(160))
    }

    static func sleep(_ seconds: TimeInterval) async throws(SyncFailure) {
        guard seconds > 0 else { return }
        do {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        } catch {
            throw .cancelled
        }
    }
}
