/// One screen cell: a grapheme that is already safe to print, and its style. A wide grapheme occupies its
/// cell and the next one, which holds `Cell.continuation`.
public struct Cell: Sendable, Hashable {
    /// Printable text of display width 1 or 2 (never a control character), or "" for a continuation cell.
    public var text: String
    public var style: CellStyle

    public init(_ text: String, style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(" ")
    public static let continuation = Cell("")
}
