import CNCurses
import OnCallTUI

/// Maps semantic colour roles to ncurses colour pairs and attributes, readable on light and dark terminals:
/// foregrounds keep the terminal's own background (`use_default_colors`), and the few filled roles use a
/// background they chose themselves. Without colour, roles fall back to plain attributes.
struct ColorPalette {
    /// How one role is drawn: a colour pair (0 = terminal default) and extra attributes.
    struct Look {
        var pair: Int16
        var attributes: attr_t
    }

    private var looks: [ColorRole: Look] = [:]

    /// A palette without colour: roles become bold, dim and reverse only.
    static func monochrome() -> ColorPalette {
        var palette = ColorPalette()
        for role in ColorRole.allCases {
            palette.looks[role] = Look(pair: 0, attributes: monochromeAttributes(role))
        }
        return palette
    }

    /// Initialises one colour pair per role; call after `start_color` and `use_default_colors`.
    static func colored(colorCount: Int) -> ColorPalette {
        var palette = ColorPalette()
        let rich = colorCount >= 256
        let bold = oncall_a_bold()
        for (index, role) in ColorRole.allCases.enumerated() {
            let pair = Int16(index + 1)
            let (foreground, background, attributes): (Int16, Int16, attr_t) =
                switch role {
                case .normal: (-1, -1, 0)
                case .dim: (-1, -1, oncall_a_dim())
                case .title: (Int16(COLOR_BLUE), -1, bold)
                case .selected: (-1, -1, oncall_a_reverse())
                case .header: (Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold)
                // Darker shades on 256-colour terminals read on white as well as on black.
                case .breached: (Int16(COLOR_RED), -1, bold)
                case .critical: (rich ? 160 : Int16(COLOR_RED), -1, 0)
                case .warning: (rich ? 166 : Int16(COLOR_YELLOW), -1, 0)
                case .ok: (rich ? 28 : Int16(COLOR_GREEN), -1, 0)
                case .paused: (rich ? 67 : Int16(COLOR_BLUE), -1, 0)
                case .alert: (Int16(COLOR_WHITE), Int16(COLOR_RED), bold)
                case .badge: (Int16(COLOR_WHITE), Int16(COLOR_RED), bold)
                case .status: (-1, -1, oncall_a_reverse())
                case .key: (-1, -1, bold)
                }
            if init_pair(pair, foreground, background) == OK {
                palette.looks[role] = Look(pair: pair, attributes: attributes)
            } else {
                palette.looks[role] = Look(pair: 0, attributes: monochromeAttributes(role))
            }
        }
        return palette
    }

    /// The pair and attributes for a cell style.
    func look(for style: CellStyle) -> Look {
        var look = looks[style.role] ?? Look(pair: 0, attributes: 0)
        if style.bold { look.attributes |= oncall_a_bold() }
        if style.reverse { look.attributes |= oncall_a_reverse() }
        if style.underline { look.attributes |= oncall_a_underline() }
        return look
    }

    private static func monochromeAttributes(_ role: ColorRole) -> attr_t {
        switch role {
        case .normal, .ok: 0
        case .dim, .paused: oncall_a_dim()
        case .title, .breached, .critical, .alert, .key: oncall_a_bold()
        case .warning: oncall_a_underline()
        case .selected, .header, .status: oncall_a_reverse()
        case .badge: oncall_a_reverse() | oncall_a_bold()
        }
    }
}
