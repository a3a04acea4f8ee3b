/// A configuration file that cannot be used: where (file, key path) and what was wrong.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or `config.toml` for a string), and the line when the TOML itself is malformed.
    public var source: String
    /// The dotted key path, e.g. `policies.priority.high.minutes`; empty for a whole-document error.
    public var keyPath: String
    public var message: String

    public init(source: String = "config.toml", keyPath: String, message: String) {
        self.source = source
        self.keyPath = keyPath
        self.message = message
    }

    /// `config.toml: policies.priority.high.minutes: expected a positive integer, got "four"`.
    public var description: String {
        keyPath.isEmpty ? "\(source): \(message)" : "\(source): \(keyPath): \(message)"
    }
}
