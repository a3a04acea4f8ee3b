import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 10: names widen with the terminal, the header keeps the next manager's name, the footer fits.
@Suite struct LayoutFitTests {
    func lines(_ state: DashboardState) -> [String] {
        Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: state.width, height: state.height))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func namesColumnsWidenWithTheTerminal() {
        let columns = Dashboard.emergencyColumns
        func width(_ title: String, at total: Int) -> Int? {
            TableLayout(columns, width: total).placed.first { columns[$0.index].title == title }?.width
        }
        #expect(width("Customer", at: 78) == 14)
        #expect(width("Customer", at: 198)! > 14)
        #expect(width("Engineer", at: 198)! > 10)
        #expect(width("Lead", at: 198)! > 10)
        // The title keeps a readable width before names grow.
        #expect(width("Title", at: 118)! >= TableLayout.flexComfort)
        // Long customer names that were cut at 14 columns read in full at 200 columns.
        var o = Fixtures.overview()
        o.emergencies[0].customer = "Nordlicht Logistik GmbH"
        o.emergencies[0].engineer = "Oskar Nilsson-Berg"
        let wide = lines(Fixtures.state(o, width: 200, height: 60)).joined(separator: "\n")
        #expect(wide.contains("Nordlicht Logistik GmbH"))
        #expect(wide.contains("Oskar Nilsson-Berg"))
    }

    @Test(arguments: [80, 100, 120])
    func theHeaderKeepsTheNextManagersName(_ width: Int) {
        let onCall = lines(Fixtures.state(width: width, height: 40))[1]
        // The fixture's next manager is alice; the line ends with her name and time, not with "…".
        #expect(onCall.contains("next"))
        #expect(!onCall.contains("…"), "\(onCall)")
        #expect(
            onCall.hasSuffix("alice 15:00") || onCall.hasSuffix("alice at 15:00")
                || onCall.hasSuffix("alice (EMEA) at 15:00"), "\(onCall)")
    }

    @Test(arguments: [80, 120, 200])
    func theFooterFitsWithoutCuttingALabel(_ width: Int) {
        for pane in Pane.allCases {
            var state = Fixtures.state(width: width, height: 40)
            state.focus = pane
            let footer = lines(state)[39]
            #expect(!footer.contains("…"), "\(pane) at \(width): \(footer)")
            #expect(footer.hasSuffix("q quit"), "\(pane) at \(width): \(footer)")
            #expect(footer.contains("? help") || footer.contains("? more"))
        }
        // At 80 columns the emergency pane's actions stay and `?` says there is more.
        let narrow = lines(Fixtures.state(width: 80, height: 24))[23]
        #expect(narrow.contains("l lead") && narrow.contains("h hand") && narrow.contains("? more"), "\(narrow)")
        let wide = lines(Fixtures.state(width: 200, height: 60))[59]
        #expect(wide.contains("s engineer") && wide.contains("! alerts") && wide.contains("? help"), "\(wide)")
    }

    @Test func theHeaderBarHasNoHoles() {
        var state = Fixtures.state(width: 120, height: 40, readonly: true)
        state.options.readonly = true
        let buffer = Dashboard.view(state, now: Fixtures.now, width: 120, height: 40)
        for y in 0..<2 {
            for x in 0..<120 {
                #expect(buffer[x, y].style.role == .header, "cell \(x),\(y) is \(buffer[x, y].style.role)")
            }
        }
    }
}

/// Issue 13 item 12: ASCII glyphs where the terminal or locale cannot draw the Unicode ones.
@Suite struct ASCIIGlyphTests {
    @Test func terminalsAndLocalesThatNeedASCII() {
        #expect(ASCIIGlyph.needed(term: "linux", localeIsUTF8: true))
        #expect(ASCIIGlyph.needed(term: "vt100", localeIsUTF8: true))
        #expect(ASCIIGlyph.needed(term: "xterm-256color", localeIsUTF8: false))
        #expect(!ASCIIGlyph.needed(term: "xterm-256color", localeIsUTF8: true))
        #expect(!ASCIIGlyph.needed(term: "tmux-256color", localeIsUTF8: true))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theScreenIsASCIIAndStillReadable(_ width: Int, _ height: Int) {
        var state = Fixtures.state(width: width, height: height, noColor: true)
        state.options.asciiGlyphs = true
        let buffer = Dashboard.view(state, now: Fixtures.now, width: width, height: height)
        let text = Snapshot.text(buffer)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        for word in ["X BREACH", "! CRIT", "^ WARN", "MISSED PAGE>bob", "Societe Generale", "Zurich Bank AG", ">! #4411001"] {
            #expect(text.contains(word), "missing \(word):\n\(text)")
        }
        Snapshot.checkAligned(buffer)
    }
}
