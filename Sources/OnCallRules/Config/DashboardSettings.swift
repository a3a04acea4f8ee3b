/// Dashboard preferences.
public struct DashboardSettings: Codable, Sendable, Equatable {
    /// Ring the bell when a new emergency arrives or a page is missed.
    public var bell: Bool
    /// How often to poll the store for other processes' commits, in milliseconds.
    public var pollMilliseconds: Int
    /// `[keys]`: action name -> key names, only the actions moved off their shipped keys (the dashboard
    /// checks the names and conflicts; the loader refuses what it would not accept).
    public var keys: [String: [String]]
    /// `[theme]`: the palette and per-role colours.
    public var theme: ThemeSettings

    public init(
        bell: Bool = true, pollMilliseconds: Int = 500, keys: [String: [String]] = [:], theme: ThemeSettings = .init()
    ) {
        self.bell = bell
        self.pollMilliseconds = pollMilliseconds
        self.keys = keys
        self.theme = theme
    }
}
