import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Themes: the palettes resolve every role, `[theme]` roles override them, and a themed screen snapshot shows
/// each cell's colour role with the palette's colours for it.
@Suite struct ThemeSnapshotTests {
    func frame(_ state: DashboardState) -> CellBuffer {
        Dashboard.view(state, now: Fixtures.now, width: state.width, height: state.height)
    }

    @Test(arguments: ["default", "light", "mono", "high-contrast", "colour-blind"])
    func everyPaletteDrawsEveryRole(_ name: String) throws {
        let palette = try ThemePalette(ThemeSettings(palette: name))
        #expect(palette.name == name)
        for role in ColorRole.allCases { #expect(palette.looks[role] != nil, "\(name): \(role)") }
    }

    @Test func monoUsesNoColour() throws {
        let palette = try ThemePalette(ThemeSettings(palette: "mono"))
        #expect(ColorRole.allCases.allSatisfy { palette.look($0).isPlain })
    }

    /// Colour-blind: nothing drawn in red or green (basic or 256-colour shades of them).
    @Test func colourBlindNeverUsesRedOrGreen() throws {
        let palette = try ThemePalette(ThemeSettings(palette: "colour-blind"))
        let redsAndGreens: Set<Int> = [1, 2, 9, 10, 22, 28, 34, 40, 46, 88, 124, 160, 196]
        for role in ColorRole.allCases {
            for colour in [palette.look(role).foreground, palette.look(role).background] {
                if case .index(let n, let basic) = colour {
                    #expect(!redsAndGreens.contains(n), "\(role): \(n)")
                    #expect(basic != 1 && basic != 2, "\(role): basic \(basic)")
                }
            }
        }
        #expect(palette.look(.ok).foreground != palette.look(.critical).foreground)
    }

    @Test func rolesOverrideThePalette() throws {
        let palette = try ThemePalette(
            ThemeSettings(palette: "light", roles: ["breach": "208", "header": "black on yellow"]))
        #expect(palette.look(.breached).foreground == .index(208, basic: 3))
        #expect(palette.look(.breached).bold)
        #expect(palette.look(.header).colourText == "black on yellow")
        #expect(palette.look(.ok) == ThemePalette.light.look(.ok))
    }

    @Test func coloursFallBackOnSmallTerminals() {
        #expect(ThemeColor.indexed(208).number(colorCount: 256) == 208)
        #expect(ThemeColor.indexed(208).number(colorCount: 8) == 3)  // orange -> yellow
        #expect(ThemeColor.indexed(196).number(colorCount: 8) == 1)
        #expect(ThemeColor.indexed(21).number(colorCount: 8) == 4)
        #expect(ThemeColor.indexed(244).number(colorCount: 8) == 7)
        #expect(ThemeColor.terminal.number(colorCount: 8) == -1)
        #expect(ThemeColor.index(166, basic: 3).number(colorCount: 16) == 3)
    }

    @Test func themedScreen() throws {
        let palette = try ThemePalette(ThemeSettings(palette: "colour-blind", roles: ["header": "white on 25"]))
        let state = Fixtures.state(width: 80, height: 24)
        let buffer = frame(state)
        Snapshot.assert(buffer, named: "theme-colour-blind-80x24", as: Snapshot.styled(buffer, palette: palette))
    }

    @Test func noColorDrawsEveryRolePlainWhateverTheTheme() throws {
        let state = Fixtures.state(width: 80, height: 24, noColor: true)
        let buffer = frame(state)
        for cell in buffer.cells { #expect(cell.style.role == .normal) }
    }
}
