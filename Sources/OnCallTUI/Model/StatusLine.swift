/// The one-line message under the panes: what the last action did, or why it did not.
public struct StatusLine: Sendable, Equatable {
    /// Whether the message reports a success, a refusal or a failure.
    public enum Kind: Sendable, Equatable { case info, refused, error }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
