/// Turns customer-supplied text into glyphs that are safe to put in cells: escape sequences (CSI, OSC, DCS,
/// APC, PM, SOS, in 7-bit and 8-bit form) are removed whole, C0/C1 controls and DEL dropped (tab and line
/// breaks become a space), bidi overrides and isolates, zero-width joiners and spaces, variation selectors and
/// skin-tone modifiers removed so every grapheme's width is what the terminal will draw, regional indicators
/// spelled as letters, and combining marks capped per grapheme. Lazy, so a 10,000-character subject costs
/// only what is drawn of it.
public enum SafeText {
    /// At most this many combining marks are kept on one base character (zalgo text stays one cell).
    static let maxMarks = 3

    /// The safe glyphs of `text`, produced lazily.
    public static func glyphs(_ text: String) -> GlyphSequence { GlyphSequence(text) }

    /// The sanitised string (for tests, titles and file names).
    public static func clean(_ text: String) -> String {
        var out = ""
        for glyph in glyphs(text) { out += glyph.text }
        return out
    }

    /// Scalars removed from inside graphemes: bidi controls, zero-width characters, variation selectors,
    /// emoji modifiers, tags.
    static func isStripped(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0x061C, 0x00AD,
            0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0000...0xE007F, 0xE0100...0xE01EF, 0x034F, 0x180B...0x180F,
            0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }
}

/// The lazy sequence behind `SafeText.glyphs`.
public struct GlyphSequence: Sequence {
    let text: String

    init(_ text: String) { self.text = text }

    public func makeIterator() -> GlyphIterator { GlyphIterator(text) }
}

/// Walks graphemes once, with a small state machine for escape sequences.
public struct GlyphIterator: IteratorProtocol {
    private enum Mode { case text, escape, csi, string, stringEscape }

    private var characters: String.Iterator
    private var mode: Mode = .text
    /// Glyphs produced by splitting one grapheme (after removing a joiner), handed out in order.
    private var pending: [Glyph] = []
    private var lastWasSpace = false

    init(_ text: String) { characters = text.makeIterator() }

    public mutating func next() -> Glyph? {
        if !pending.isEmpty { return pending.removeFirst() }
        while let c = characters.next() {
            let scalars = c.unicodeScalars
            let first = scalars.first!.value
            switch mode {
            case .escape:
                // The byte after ESC picks the sequence kind; anything else is a two-byte escape.
                switch first {
                case 0x5B: mode = .csi  // [
                case 0x5D, 0x50, 0x5F, 0x5E, 0x58: mode = .string  // ] P _ ^ X
                case 0x1B: mode = .escape
                default: mode = .text
                }
                continue
            case .csi:
                if first == 0x1B {
                    mode = .escape
                } else if (0x40...0x7E).contains(first) || first < 0x20 || first > 0x7E {
                    // Final byte (or something that cannot be part of a CSI) ends it.
                    mode = .text
                }
                continue
            case .string:
                if first == 0x07 || first == 0x9C {
                    mode = .text
                } else if first == 0x1B {
                    mode = .stringEscape
                }
                continue
            case .stringEscape:
                mode = first == 0x5C ? .text : (first == 0x1B ? .stringEscape : .string)
                continue
            case .text:
                break
            }
            // Fast path: printable ASCII.
            if first >= 0x20 && first < 0x7F && scalars.count == 1 {
                lastWasSpace = first == 0x20
                return Glyph(String(c), width: 1)
            }
            switch first {
            case 0x1B:
                mode = .escape
                continue
            case 0x9B:
                mode = .csi
                continue
            case 0x9D, 0x90, 0x9E, 0x9F, 0x98:
                mode = .string
                continue
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                // Whitespace controls become one space (runs collapse) so text keeps its word breaks.
                if lastWasSpace { continue }
                lastWasSpace = true
                return Glyph.space
            default:
                break
            }
            if let glyph = clean(c) {
                lastWasSpace = false
                return glyph
            }
            if !pending.isEmpty {
                lastWasSpace = false
                return pending.removeFirst()
            }
        }
        return nil
    }

    /// One grapheme made safe: nil when nothing printable is left (then `pending` may hold split glyphs).
    private mutating func clean(_ c: Character) -> Glyph? {
        var kept = String.UnicodeScalarView()
        var stripped = false
        var marks = 0
        for scalar in c.unicodeScalars {
            let v = scalar.value
            if SafeText.isStripped(v) {
                stripped = true
                continue
            }
            if v >= 0x1F1E6 && v <= 0x1F1FF {
                // Regional indicator: flags draw at unpredictable widths; spell the letter instead.
                kept.append(Unicode.Scalar(v - 0x1F1E6 + 0x41)!)
                stripped = true
                continue
            }
            let w = DisplayWidth.of(scalar)
            if w < 0 {
                stripped = true
                continue
            }
            if w == 0 {
                if kept.isEmpty {
                    stripped = true
                    continue
                }
                marks += 1
                if marks > SafeText.maxMarks {
                    stripped = true
                    continue
                }
            }
            kept.append(scalar)
        }
        if kept.isEmpty { return nil }
        if !stripped {
            return Glyph(String(c), width: DisplayWidth.of(c))
        }
        // Removing a joiner or modifier can leave several graphemes: measure each again.
        let rebuilt = String(kept)
        var glyphs: [Glyph] = []
        for part in rebuilt {
            let w = DisplayWidth.of(part)
            if w > 0 { glyphs.append(Glyph(String(part), width: w)) }
        }
        if glyphs.isEmpty { return nil }
        let head = glyphs.removeFirst()
        pending.append(contentsOf: glyphs)
        return head
    }
}
