/// One request the fake received, as recorded.
public struct FakeRequest: Sendable, Equatable {
    public var method: String
    /// The path, percent-decoded (`/api/v4/projects/gitlab-com/support/escalations/issues`).
    public var path: String
    /// The raw path as sent (`/api/v4/projects/gitlab-com%2Fsupport%2Fescalations/issues`).
    public var rawPath: String
    /// Query items in order, decoded.
    public var query: [(String, String)]
    /// Header names lowercased.
    public var headers: [String: String]
    public var at: Double

    public static func == (a: FakeRequest, b: FakeRequest) -> Bool {
        a.method == b.method && a.rawPath == b.rawPath && a.query.map { "\($0)=\($1)" } == b.query.map { "\($0)=\($1)" }
    }

    /// The first value of a query item.
    public func value(_ name: String) -> String? { query.first { $0.0 == name }?.1 }

    /// Every value of a repeated query item (`statuses[]`).
    public func values(_ name: String) -> [String] { query.filter { $0.0 == name }.map(\.1) }
}

/// What the fake does instead of answering normally.
public enum FakeFault: Sendable, Equatable {
    /// This status with this body.
    case status(Int, String)
    /// 429 with `Retry-After: seconds`.
    case rateLimit(retryAfter: Int)
    /// Never answers (the connection stays open).
    case hang
    /// 200 with a body that is not JSON.
    case malformed
}

/// A plain answer.
struct FakeAnswer {
    var status: Int
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    var body: String
}
