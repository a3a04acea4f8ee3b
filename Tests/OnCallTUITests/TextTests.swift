import OnCallRules
import Testing

@testable import OnCallTUI

@Suite struct TextTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("😀", 2), ("🚀", 2), ("ｶ", 1), ("Ａ", 2), ("\u{301}", 0),
    ])
    func graphemeWidth(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("a\u{1B}]0;title\u{07}b", "ab"),
        ("a\u{1B}]8;;http://x\u{1B}\\b", "ab"),
        ("a\u{1B}P1;2q\u{1B}\\b", "ab"),
        ("a\u{9B}31mb", "ab"),
        ("a\u{9D}0;t\u{9C}b", "ab"),
        ("a\u{01}\u{7F}\u{80}\u{84}b", "ab"),
        ("a\u{9F}apc\u{9C}b", "ab"),
        ("a\u{202E}b\u{202C}c\u{2066}d\u{2069}", "abcd"),
        ("a\u{200B}b\u{FEFF}c", "abc"),
        ("👩\u{200D}💻", "👩💻"),
        ("❤\u{FE0F}", "❤"),
        ("🇩🇪", "DE"),
        ("a\tb\nc\r\nd", "a b c d"),
        ("\u{301}x", "x"),
        ("\u{1B}c reset", " reset"),
    ])
    func sanitises(_ input: String, _ expected: String) {
        #expect(SafeText.clean(input) == expected)
    }

    @Test func everyGlyphIsPrintableAndMeasured() {
        for text in Fixtures.hostile {
            for glyph in SafeText.glyphs(text) {
                #expect(glyph.width == 1 || glyph.width == 2)
                #expect(DisplayWidth.of(Character(glyph.text)) == glyph.width)
                for scalar in glyph.text.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "\(text)")
                    #expect(scalar != "\u{200D}" && scalar != "\u{202E}")
                }
            }
        }
    }

    @Test(arguments: [
        ("hello world", 5, "hell…"),
        ("hello", 5, "hello"),
        ("中文中文", 5, "中文…"),
        ("中文中文", 4, "中…"),
        ("中文中文", 8, "中文中文"),
        ("ab中", 3, "ab…"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("x", 0, ""),
    ])
    func truncates(_ text: String, _ width: Int, _ expected: String) {
        let glyphs = TextFit.fit(text, width: width)
        #expect(glyphs.map(\.text).joined() == expected)
        #expect(glyphs.reduce(0) { $0 + $1.width } <= width)
    }

    @Test func padsToExactWidth() {
        #expect(TextFit.padded("中a", width: 5) == "中a  ")
        #expect(TextFit.padded("7", width: 3, alignRight: true) == "  7")
        #expect(DisplayWidth.of(TextFit.padded("中文中文中", width: 6)) == 6)
    }

    @Test func longStringsAreCutLazily() {
        let huge = String(repeating: "Subject 中文 ", count: 1000)
        #expect(huge.count >= 10_000)
        let glyphs = TextFit.fit(huge, width: 40)
        #expect(glyphs.last == .ellipsis)
        #expect(glyphs.reduce(0) { $0 + $1.width } <= 40)
        #expect(DisplayWidth.of(huge) == 1000 * 13)
    }

    @Test func wrapsAtSpaces() {
        let lines = TextFit.wrap("the quick brown fox jumps over", width: 10, maxLines: 2)
        #expect(lines == ["the quick", "brown fox…"])
    }
}
