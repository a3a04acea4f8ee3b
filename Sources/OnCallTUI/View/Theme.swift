/// Maps semantic styles to what is drawn: as is, or under `--no-color`/`NO_COLOR` every role plain, keeping
/// bold, reverse and underline so selection and emphasis still read.
struct Theme {
    var noColor: Bool
    /// Draw ASCII stand-ins for every other glyph (see `ASCIIGlyph`).
    var ascii = false

    func style(_ style: CellStyle) -> CellStyle {
        guard noColor else { return style }
        var plain = style
        if style.role == .selected {
            plain.reverse = true
            plain.bold = true
        }
        plain.role = .normal
        return plain
    }
}
