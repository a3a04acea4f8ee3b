import OnCallRules

/// How to take back the manager's own last acknowledge, assign, take-lead or engineer change: the commands
/// that restore what was there before (new audited changes, nothing deleted).
public struct Undo: Sendable, Equatable {
    /// What is undone, for the status line ("acknowledge of escalation 881").
    public var what: String
    public var commands: [Command]

    public init(what: String, commands: [Command]) {
        self.what = what
        self.commands = commands
    }
}
