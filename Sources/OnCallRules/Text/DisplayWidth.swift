/// Column widths of Unicode scalars and graphemes, as the terminal (glibc `wcwidth`) measures them.
public enum DisplayWidth {
    /// 2 for wide scalars, 0 for zero-width ones, -1 for non-printable ones, else 1.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return -1 }
        if contains(WidthTables.wide, v) { return 2 }
        if contains(WidthTables.zero, v) { return 0 }
        if contains(WidthTables.unprintable, v) { return -1 }
        return 1
    }

    /// The width of a grapheme: its first scalar's width (marks that follow it add nothing).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return max(0, of(first))
    }

    /// The width of a whole string once sanitised.
    public static func of(_ text: String) -> Int {
        var total = 0
        for glyph in SafeText.glyphs(text) { total += glyph.width }
        return total
    }

    /// Binary search in a flattened start, end range table.
    static func contains(_ table: [UInt32], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = table.count / 2 - 1
        if hi < 0 || v < table[0] || v > table[table.count - 1] { return false }
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[2 * mid] {
                hi = mid - 1
            } else if v > table[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
