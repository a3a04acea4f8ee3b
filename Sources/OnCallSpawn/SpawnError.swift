/// Why a child process could not be started.
public struct SpawnError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(description: String) { self.description = description }
}
