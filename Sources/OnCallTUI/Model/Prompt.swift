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
    /// The text is the prefilled default, untouched: the first typed character replaces it.
    var prefilled: Bool
    /// A name prompt: an answer nobody in the directory has asks "use anyway?" first.
    public var asksForPerson: Bool

    public init(
        title: String, hint: String = "", text: String = "", requiredMessage: String? = nil,
        candidates: [String] = [], asksForPerson: Bool = false, flow: Flow
    ) {
        self.prefilled = !text.isEmpty
        self.asksForPerson = asksForPerson
        self.title = title
        self.hint = hint
        self.text = text
        self.requiredMessage = requiredMessage
        self.candidates = candidates
        self.flow = flow
    }

    /// The longest answer a prompt takes.
    static let maxLength = 1000

    /// Adds typed or pasted text (already cleaned) at the end, up to `maxLength`, and ends a Tab cycle.
    mutating func insert(_ more: String) {
        if prefilled { text = "" }
        prefilled = false
        text += more.prefix(max(0, Self.maxLength - text.count))
        completionIndex = nil
        completionStem = nil
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
