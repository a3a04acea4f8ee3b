import OnCallRules

/// A yes/no question before a command runs, listing what will happen.
public struct Confirm: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var command: Command
    public var expecting: Expectation?

    public init(title: String, lines: [String], command: Command, expecting: Expectation?) {
        self.title = title
        self.lines = lines
        self.command = command
        self.expecting = expecting
    }
}
