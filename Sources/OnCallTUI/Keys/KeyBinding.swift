import OnCallRules

/// One row of the key registry: the keys, what they do, and how the footer and help describe it.
public struct KeyBinding: Sendable, Equatable {
    public var action: Action
    public var keys: [Key]
    /// Short footer label ("ack").
    public var label: String
    /// One line for the `?` help.
    public var help: String
    public var scope: KeyScope
    /// Changes data: disabled under `--readonly` and when the terminal is too small.
    public var changesData: Bool
    /// Which kinds of row it acts on (empty = no row needed).
    public var acts: [RecordKind]
    public var inFooter: Bool

    public init(
        _ action: Action, _ keys: [Key], _ label: String, _ help: String, scope: KeyScope = .global,
        changesData: Bool = false, acts: [RecordKind] = [], inFooter: Bool = true
    ) {
        self.action = action
        self.keys = keys
        self.label = label
        self.help = help
        self.scope = scope
        self.changesData = changesData
        self.acts = acts
        self.inFooter = inFooter
    }

    /// How the keys are written in the footer and help ("j/↓").
    public var keyText: String { keys.map(\.label).joined(separator: "/") }
}
