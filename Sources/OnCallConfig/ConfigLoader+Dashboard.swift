import OnCallRules
import OnCallTUI

extension ConfigLoader {
    /// `[keys]`: each action to a key name or a list of them, over the base's; names and conflicts are
    /// checked by the dashboard's own key registry, so what loads is what the dashboard accepts.
    static func applyKeys(_ node: ConfigNode, to settings: inout DashboardSettings) throws {
        var keys = settings.keys
        for name in node.keys.sorted() {
            guard let value = node.raw(name) else { continue }
            if let text = value.string {
                keys[name] = [text]
            } else if value.array != nil {
                keys[name] = try node.stringArray(name)
            } else {
                throw node.fail(name, "expected a key name or a list of key names, got \(ConfigNode.describe(value))")
            }
        }
        do {
            settings.keys = try KeyRegistry.normalized(keys)
        } catch {
            throw ConfigError(keyPath: error.keyPath, message: error.message)
        }
    }

    /// `[theme]`: `palette` and role colours (a name, 0-255, `"FG on BG"`, or `"palette"` for the palette's).
    static func applyTheme(_ node: ConfigNode, to settings: inout DashboardSettings) throws {
        var theme = settings.theme
        try node.checkKeys(["palette"] + ColorRole.allCases.map(\.configName))
        if let palette = try node.string("palette") { theme.palette = palette }
        for role in ColorRole.allCases {
            let name = role.configName
            guard let value = node.raw(name) else { continue }
            if let number = value.int {
                theme.roles[name] = String(number)
            } else if let text = value.string {
                theme.roles[name] = text == paletteWord ? nil : text
            } else {
                throw node.fail(name, "expected a colour (\(ThemeColor.syntax)), got \(ConfigNode.describe(value))")
            }
        }
        do {
            settings.theme = try ThemePalette.normalized(theme)
        } catch {
            throw ConfigError(keyPath: error.keyPath, message: error.message)
        }
    }

    /// The value that leaves a role as the palette draws it.
    static let paletteWord = "palette"

    /// `[keys]` and `[theme]` as `load` reads them back: every action with its keys, every role.
    static func renderDashboard(_ settings: DashboardSettings) -> [String] {
        var out = ["\n[keys]"]
        let registry = (try? KeyRegistry(remapping: settings.keys)) ?? .standard
        for (name, keys) in registry.remappableKeys {
            let value = keys.count == 1 ? ConfigText.quote(keys[0]) : "[" + keys.map(ConfigText.quote).joined(separator: ", ") + "]"
            out.append("\(name) = \(value)")
        }
        out.append("\n[theme]")
        out.append("palette = \(ConfigText.quote(settings.theme.palette))")
        for role in ColorRole.allCases {
            out.append("\(role.configName) = \(ConfigText.quote(settings.theme.roles[role.configName] ?? paletteWord))")
        }
        return out
    }
}
