import OnCallRules

/// A yes/no question before a command runs, listing what will happen.
public struct Confirm: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var command: Command
    public var expecting: ExpectedRevision?
    /// The prompt that led here, with what was typed: cancelling goes back to it instead of losing the text.
    public var back: Prompt?

    public init(title: String, lines: [String], command: Command, expecting: ExpectedRevision?, back: Prompt? = nil) {
        self.back = back
        self.title = title
        self.lines = lines
        self.command = command
        self.expecting = expecting
    }
}
