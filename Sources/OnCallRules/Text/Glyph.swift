/// One printable grapheme and the columns it takes (1 or 2). Never a control character.
public struct Glyph: Sendable, Hashable {
    public var text: String
    public var width: Int

    public init(_ text: String, width: Int) {
        self.text = text
        self.width = width
    }

    public static let ellipsis = Glyph("…", width: 1)
    public static let space = Glyph(" ", width: 1)
}
