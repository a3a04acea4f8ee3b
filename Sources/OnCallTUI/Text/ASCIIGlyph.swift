import Foundation

/// The ASCII stand-ins for the glyphs the dashboard draws, for terminals and locales that cannot draw them
/// (a non-UTF-8 locale, vt100, the Linux console). Every stand-in is one column, so layouts do not move; the
/// risk words (BREACH, CRIT, WARN) and states keep everything readable without colour.
public enum ASCIIGlyph {
    static let table: [String: String] = [
        "─": "-", "━": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "▶": ">", "›": ">", "‼": "!",
        "✖": "X", "▲": "!", "△": "^", "·": ".", "‖": "=", "✓": "v", "●": "*", "○": "o", "⚑": "F", "⚠": "!",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "…": "~", "▏": "|", "—": "-", "–": "-", "•": "*", "☐": "[",
        "☑": "x", "✔": "v", "“": "\"", "”": "\"", "‘": "'", "’": "'", "ß": "s", "±": "+",
    ]

    /// Whether the dashboard should draw ASCII only: `TERM` is vt100-like or the Linux console, or the
    /// locale the user runs in is not UTF-8.
    public static func needed(term: String, localeIsUTF8: Bool) -> Bool {
        if !localeIsUTF8 { return true }
        let base = term.split(separator: "-").first.map(String.init) ?? term
        return ["linux", "vt100", "vt102", "vt52", "vt220", "ansi", "cons25"].contains(base)
    }

    /// One single-width glyph as ASCII: the table's stand-in, a letter without its accent, else `?`.
    public static func of(_ glyph: String) -> String {
        if glyph.unicodeScalars.allSatisfy({ $0.isASCII }) { return glyph }
        if let mapped = table[glyph] { return mapped }
        let folded = glyph.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, folded.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) { return folded }
        return "?"
    }
}
