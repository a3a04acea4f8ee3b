import OnCallRules

/// Fitting text into a number of columns: truncation with `…` that never splits a grapheme or a wide
/// character, and padding.
public enum TextFit {
    /// The glyphs of `text` that fit in `width` columns, ending in `…` when something was cut.
    /// The result may be one column short when a wide character would straddle the edge.
    public static func fit(_ text: String, width: Int) -> [Glyph] {
        guard width > 0 else { return [] }
        var out: [Glyph] = []
        var used = 0
        var iterator = SafeText.glyphs(text).makeIterator()
        while let glyph = iterator.next() {
            if used + glyph.width > width {
                return ellipsize(out, used: used, width: width)
            }
            out.append(glyph)
            used += glyph.width
            if used == width {
                // Full: only keep it as is if nothing follows.
                if iterator.next() != nil { return ellipsize(out, used: used, width: width) }
                return out
            }
        }
        return out
    }

    /// Replaces the tail with `…` so the total stays within `width`.
    private static func ellipsize(_ glyphs: [Glyph], used: Int, width: Int) -> [Glyph] {
        var out = glyphs
        var used = used
        while used + 1 > width, let last = out.popLast() { used -= last.width }
        out.append(.ellipsis)
        return out
    }

    /// `fit` as a string padded with spaces to exactly `width` columns.
    public static func padded(_ text: String, width: Int, alignRight: Bool = false) -> String {
        let glyphs = fit(text, width: width)
        let used = glyphs.reduce(0) { $0 + $1.width }
        let pad = String(repeating: " ", count: max(0, width - used))
        let body = glyphs.map(\.text).joined()
        return alignRight ? pad + body : body + pad
    }
}

extension TextFit {
    /// Breaks text into lines of at most `width` columns (at spaces when it can), at most `maxLines` of them,
    /// the last one ending in `…` when text was left over.
    public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line: [Glyph] = []
        var used = 0
        var iterator = SafeText.glyphs(text).makeIterator()
        while let g = iterator.next() {
            if used + g.width > width {
                if lines.count == maxLines - 1 {
                    lines.append(fit(line.map(\.text).joined() + g.text + "…", width: width).map(\.text).joined())
                    return lines
                }
                // Break at the last space when there is one in the second half of the line.
                if let space = line.lastIndex(of: .space), space > line.count / 2 {
                    lines.append(line[..<space].map(\.text).joined())
                    line = Array(line[(space + 1)...])
                } else {
                    lines.append(line.map(\.text).joined())
                    line = []
                }
                used = line.reduce(0) { $0 + $1.width }
            }
            line.append(g)
            used += g.width
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line.map(\.text).joined()) }
        return lines
    }
}
