/// `[theme]` as the file writes it: a built-in palette and colours for single roles over it.
public struct ThemeSettings: Codable, Sendable, Equatable {
    /// `default`, `light`, `mono`, `high-contrast` or `colour-blind`.
    public var palette: String
    /// Role name (`breach`, `header`...) -> colour (`"red"`, `"208"`, `"white on blue"`), only roles changed
    /// from the palette's.
    public var roles: [String: String]

    public init(palette: String = "default", roles: [String: String] = [:]) {
        self.palette = palette
        self.roles = roles
    }
}
