import OnCallRules

/// Draws safe text into a `CellBuffer`: every string goes through `SafeText`, wide characters take two cells,
/// nothing is drawn outside the clip.
struct Canvas {
    var buffer: CellBuffer
    let theme: Theme

    init(width: Int, height: Int, theme: Theme) {
        buffer = CellBuffer(width: width, height: height)
        self.theme = theme
    }

    var width: Int { buffer.width }
    var height: Int { buffer.height }

    /// Writes `text` at (x, y) within `width` columns (default: to the right edge), truncating with `…`.
    /// Returns the columns used.
    @discardableResult
    mutating func text(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle = .plain, width: Int? = nil) -> Int {
        guard y >= 0, y < height, x >= 0, x < self.width else { return 0 }
        let limit = min(width ?? (self.width - x), self.width - x)
        guard limit > 0 else { return 0 }
        return glyphs(x, y, TextFit.fit(text, width: limit), style)
    }

    /// Writes glyphs that already fit.
    @discardableResult
    mutating func glyphs(_ x: Int, _ y: Int, _ glyphs: [Glyph], _ style: CellStyle) -> Int {
        let styled = theme.style(style)
        var col = x
        for g in glyphs {
            if g.width == 2 {
                guard col + 1 < width else { break }
                if theme.ascii {
                    // Two columns of ASCII where a wide character would be: the layout stays the same.
                    buffer[col, y] = Cell("?", style: styled)
                    buffer[col + 1, y] = Cell("?", style: styled)
                } else {
                    buffer[col, y] = Cell(g.text, style: styled)
                    buffer[col + 1, y] = Cell("", style: styled)
                }
                col += 2
            } else {
                guard col < width else { break }
                buffer[col, y] = Cell(theme.ascii ? ASCIIGlyph.of(g.text) : g.text, style: styled)
                col += 1
            }
        }
        return col - x
    }

    /// Fills `count` cells of a row with spaces in `style` (backgrounds of selected rows and banners).
    mutating func fill(_ x: Int, _ y: Int, _ count: Int, _ style: CellStyle) {
        guard y >= 0, y < height else { return }
        let styled = theme.style(style)
        var col = max(0, x)
        while col < min(width, x + count) {
            buffer[col, y] = Cell(" ", style: styled)
            col += 1
        }
    }

    /// Writes a list of spans one after another within `width` columns; returns the columns used.
    @discardableResult
    mutating func spans(_ x: Int, _ y: Int, _ spans: [Span], width: Int) -> Int {
        var used = 0
        for span in spans where used < width {
            used += text(x + used, y, span.text, span.style, width: width - used)
        }
        return used
    }

    /// A box with a single-line border, cleared inside.
    mutating func box(x: Int, y: Int, width w: Int, height h: Int, title: String, style: CellStyle) {
        guard w >= 2, h >= 2 else { return }
        for row in y..<(y + h) { fill(x, row, w, .plain) }
        let line = String(repeating: "─", count: w - 2)
        text(x, y, "┌" + line + "┐", style)
        text(x, y + h - 1, "└" + line + "┘", style)
        for row in (y + 1)..<(y + h - 1) {
            text(x, row, "│", style)
            text(x + w - 1, row, "│", style)
        }
        text(x + 2, y, " " + title + " ", CellStyle(role: .title, bold: true), width: w - 4)
    }
}

/// A piece of text with its style.
struct Span: Equatable {
    var text: String
    var style: CellStyle

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }
}
