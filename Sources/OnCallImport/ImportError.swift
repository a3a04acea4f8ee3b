/// Why an input was refused. Nothing from that input is applied.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name, or `-` for standard input.
    public var input: String
    /// The JSON path (`tickets[3].created_at`), or nil when the problem is not at one value.
    public var path: String?
    /// What was wrong ("expected a timestamp, found number").
    public var reason: String

    public init(input: String, path: String?, reason: String) {
        self.input = input
        self.path = path
        self.reason = reason
    }

    public var description: String {
        if let path { return "\(input): \(path): \(reason)" }
        return "\(input): \(reason)"
    }
}

/// An error inside a document before the input name is known; `ImportReader` adds it.
struct JSONProblem: Error {
    var path: JSONPath
    var reason: String
}
