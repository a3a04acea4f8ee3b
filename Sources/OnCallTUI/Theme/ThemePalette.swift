import OnCallRules

/// Every colour role's look: a built-in palette with the `[theme]` roles applied. Pure, so snapshots show
/// exactly what the terminal is asked to draw.
public struct ThemePalette: Sendable, Equatable {
    public var name: String
    public var looks: [ColorRole: RoleLook]

    /// The look of a role (plain when missing).
    public func look(_ role: ColorRole) -> RoleLook { looks[role] ?? RoleLook() }

    /// The palette `[theme]` describes; throws naming the key on an unknown palette, role or colour.
    public init(_ settings: ThemeSettings) throws(ThemeConfigError) {
        guard let base = Self.builtIn.first(where: { $0.name == settings.palette }) else {
            let names = Self.builtIn.map(\.name).joined(separator: ", ")
            throw ThemeConfigError(
                keyPath: "theme.palette", message: "unknown palette \"\(settings.palette)\" (expected one of: \(names))")
        }
        self = base
        for name in settings.roles.keys.sorted() {
            guard let role = ColorRole.allCases.first(where: { $0.configName == name }) else {
                let names = ColorRole.allCases.map(\.configName).joined(separator: ", ")
                throw ThemeConfigError(
                    keyPath: "theme.\(name)", message: "unknown role (expected palette or one of: \(names))")
            }
            let text = settings.roles[name] ?? ""
            guard let (foreground, background) = Self.parseColours(text) else {
                throw ThemeConfigError(
                    keyPath: "theme.\(name)", message: "unknown colour \"\(text)\" (expected \(ThemeColor.syntax))")
            }
            var look = base.look(role)
            look.foreground = foreground
            if let background { look.background = background }
            looks[role] = look
        }
    }

    init(name: String, looks: [ColorRole: RoleLook]) {
        self.name = name
        self.looks = looks
    }

    /// `[theme]` with canonical colour names and without roles left as the palette has them.
    public static func normalized(_ settings: ThemeSettings) throws(ThemeConfigError) -> ThemeSettings {
        let palette = try ThemePalette(settings)
        let base = try ThemePalette(ThemeSettings(palette: settings.palette))
        var out = ThemeSettings(palette: settings.palette)
        for role in ColorRole.allCases where settings.roles[role.configName] != nil {
            let text = palette.look(role).colourText
            if text != base.look(role).colourText { out.roles[role.configName] = text }
        }
        return out
    }

    /// `"red"`, `"208"`, `"white on blue"`: a foreground and maybe a background.
    static func parseColours(_ text: String) -> (ThemeColor, ThemeColor?)? {
        let parts = text.lowercased().components(separatedBy: " on ")
        guard parts.count <= 2, let foreground = ThemeColor.parse(parts[0]) else { return nil }
        if parts.count == 1 { return (foreground, nil) }
        guard let background = ThemeColor.parse(parts[1]) else { return nil }
        return (foreground, background)
    }
}

/// A `[theme]` entry that cannot be used: the config key path and what is wrong.
public struct ThemeConfigError: Error, Equatable, Sendable {
    public var keyPath: String
    public var message: String
}

extension ColorRole {
    /// The name `[theme]` sets the role by.
    public var configName: String {
        switch self {
        case .normal: "normal"
        case .dim: "dim"
        case .title: "title"
        case .selected: "selection"
        case .header: "header"
        case .breached: "breach"
        case .critical: "critical"
        case .warning: "warning"
        case .ok: "ok"
        case .paused: "paused"
        case .alert: "alert"
        case .badge: "badge"
        case .status: "status"
        case .key: "key"
        }
    }
}
