import CNCurses
import OnCallTUI

/// Maps semantic colour roles to ncurses colour pairs and attributes, as a `ThemePalette` describes them:
/// colours the terminal lacks fall back to the palette's basic ones; `terminal` keeps the terminal's own
/// (`use_default_colors`). Without colour (NO_COLOR, `--no-color`, no colour support) roles are attributes only.
struct ColorPalette {
    /// How one role is drawn: a colour pair (0 = terminal default) and extra attributes.
    struct Look {
        var pair: Int16
        var attributes: attr_t
    }

    private var looks: [ColorRole: Look] = [:]

    /// A palette without colour: the `mono` theme's bold, dim, underline and reverse.
    static func monochrome() -> ColorPalette {
        var palette = ColorPalette()
        for role in ColorRole.allCases {
            palette.looks[role] = Look(pair: 0, attributes: attributes(ThemePalette.mono.look(role)))
        }
        return palette
    }

    /// Initialises one colour pair per coloured role; call after `start_color` and `use_default_colors`.
    static func colored(colorCount: Int, theme: ThemePalette) -> ColorPalette {
        var palette = ColorPalette()
        for (index, role) in ColorRole.allCases.enumerated() {
            let look = theme.look(role)
            guard !look.isPlain else {
                palette.looks[role] = Look(pair: 0, attributes: attributes(look))
                continue
            }
            let pair = Int16(index + 1)
            let foreground = Int16(look.foreground.number(colorCount: colorCount))
            let background = Int16(look.background.number(colorCount: colorCount))
            if init_pair(pair, foreground, background) == OK {
                palette.looks[role] = Look(pair: pair, attributes: attributes(look))
            } else {
                palette.looks[role] = Look(pair: 0, attributes: attributes(ThemePalette.mono.look(role)))
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

    private static func attributes(_ look: RoleLook) -> attr_t {
        var attributes: attr_t = 0
        if look.bold { attributes |= oncall_a_bold() }
        if look.dim { attributes |= oncall_a_dim() }
        if look.reverse { attributes |= oncall_a_reverse() }
        if look.underline { attributes |= oncall_a_underline() }
        return attributes
    }
}
