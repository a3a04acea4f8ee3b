extension ThemePalette {
    /// The palettes `[theme] palette` names. Every one keeps the risk glyphs (✖ ▲ △ · ‖), so no colour is the
    /// only sign of anything.
    public static let builtIn: [ThemePalette] = [standard, light, mono, highContrast, colourBlind]

    private static func c(_ n: Int, _ basic: Int) -> ThemeColor { .index(n, basic: basic) }
    private static let white = ThemeColor.index(15, basic: 7)
    private static let black = ThemeColor.index(0, basic: 0)

    /// Readable on dark and light terminals: foregrounds on the terminal's own background, darker shades on
    /// 256-colour terminals.
    public static let standard = ThemePalette(
        name: "default",
        looks: [
            .normal: RoleLook(), .dim: RoleLook(dim: true), .title: RoleLook(c(4, 4), bold: true),
            .selected: RoleLook(reverse: true), .header: RoleLook(c(7, 7), on: c(4, 4), bold: true),
            .breached: RoleLook(c(1, 1), bold: true), .critical: RoleLook(c(160, 1)), .warning: RoleLook(c(166, 3)),
            .ok: RoleLook(c(28, 2)), .paused: RoleLook(c(67, 4)), .alert: RoleLook(c(7, 7), on: c(1, 1), bold: true),
            .badge: RoleLook(c(7, 7), on: c(1, 1), bold: true), .status: RoleLook(reverse: true),
            .key: RoleLook(bold: true),
        ])

    /// For a white or pale background: dark shades only, nothing yellow.
    public static let light = ThemePalette(
        name: "light",
        looks: [
            .normal: RoleLook(), .dim: RoleLook(c(243, 0)), .title: RoleLook(c(25, 4), bold: true),
            .selected: RoleLook(reverse: true), .header: RoleLook(white, on: c(25, 4), bold: true),
            .breached: RoleLook(c(124, 1), bold: true), .critical: RoleLook(c(160, 1)), .warning: RoleLook(c(130, 5)),
            .ok: RoleLook(c(22, 2)), .paused: RoleLook(c(60, 4)), .alert: RoleLook(white, on: c(124, 1), bold: true),
            .badge: RoleLook(white, on: c(124, 1), bold: true), .status: RoleLook(reverse: true),
            .key: RoleLook(bold: true),
        ])

    /// No colour: bold, dim, underline and reverse only (what NO_COLOR gives, by choice).
    public static let mono = ThemePalette(
        name: "mono",
        looks: [
            .normal: RoleLook(), .dim: RoleLook(dim: true), .title: RoleLook(bold: true),
            .selected: RoleLook(reverse: true), .header: RoleLook(reverse: true), .breached: RoleLook(bold: true),
            .critical: RoleLook(bold: true), .warning: RoleLook(underline: true), .ok: RoleLook(),
            .paused: RoleLook(dim: true), .alert: RoleLook(bold: true), .badge: RoleLook(bold: true, reverse: true),
            .status: RoleLook(reverse: true), .key: RoleLook(bold: true),
        ])

    /// Strong colours on filled backgrounds, nothing dim.
    public static let highContrast = ThemePalette(
        name: "high-contrast",
        looks: [
            .normal: RoleLook(), .dim: RoleLook(), .title: RoleLook(bold: true, underline: true),
            .selected: RoleLook(bold: true, reverse: true), .header: RoleLook(white, on: black, bold: true),
            .breached: RoleLook(white, on: c(160, 1), bold: true), .critical: RoleLook(c(196, 1), bold: true),
            .warning: RoleLook(black, on: c(220, 3), bold: true), .ok: RoleLook(c(34, 2), bold: true),
            .paused: RoleLook(c(33, 4), bold: true), .alert: RoleLook(white, on: c(160, 1), bold: true),
            .badge: RoleLook(white, on: c(160, 1), bold: true), .status: RoleLook(bold: true, reverse: true),
            .key: RoleLook(bold: true, underline: true),
        ])

    /// Never red against green: risk runs orange (breach, critical) to yellow (warning) against blue (ok),
    /// with the glyphs; alerts are black on orange.
    public static let colourBlind = ThemePalette(
        name: "colour-blind",
        looks: [
            .normal: RoleLook(), .dim: RoleLook(dim: true), .title: RoleLook(c(33, 4), bold: true),
            .selected: RoleLook(reverse: true), .header: RoleLook(white, on: c(25, 4), bold: true),
            .breached: RoleLook(c(202, 5), bold: true, underline: true), .critical: RoleLook(c(208, 5), bold: true),
            .warning: RoleLook(c(178, 3)), .ok: RoleLook(c(33, 4)), .paused: RoleLook(c(245, 7)),
            .alert: RoleLook(black, on: c(214, 3), bold: true), .badge: RoleLook(black, on: c(214, 3), bold: true),
            .status: RoleLook(reverse: true), .key: RoleLook(bold: true),
        ])
}
