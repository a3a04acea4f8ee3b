/// A one-line text input, with optional completion candidates.
public struct Prompt: Sendable, Equatable {
    public var title: String
    /// Explains the input under the title.
    public var hint: String
    public var text: String
    /// An empty answer is refused with this message when set.
    public var requiredMessage: String?
    /// Known values offered by Tab (engineers, managers).
    public var candidates: [String]
    public var flow: Flow
    /// Index into the matches while cycling with Tab, and the text the cycle started from.
    var completionIndex: Int?
    var completionStem: String?

    public init(
        title: String, hint: String = "", text: String = "", requiredMessage: String? = nil,
        candidates: [String] = [], flow: Flow
    ) {
        self.title = title
        self.hint = hint
        self.text = text
        self.requiredMessage = requiredMessage
        self.candidates = candidates
        self.flow = flow
    }

    /// Candidates that start with (or else contain) what was typed, case-insensitively.
    public var matches: [String] {
        let stem = (completionStem ?? text).lowercased()
        if stem.isEmpty { return candidates }
        let prefix = candidates.filter { $0.lowercased().hasPrefix(stem) }
        if !prefix.isEmpty { return prefix }
        return candidates.filter { $0.lowercased().contains(stem) }
    }
}
