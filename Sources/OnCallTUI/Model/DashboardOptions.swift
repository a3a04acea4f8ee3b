import Foundation

/// How the dashboard was started: who acts, whether actions are allowed, which zone the clock shows.
public struct DashboardOptions: Sendable, Equatable {
    public var actor: String
    /// `--readonly`: every action key is disabled and says so.
    public var readonly: Bool
    /// The zone for the clock and absolute times (local, `--tz`, or UTC).
    public var timeZone: TimeZone
    /// `--no-color` or `NO_COLOR`: every role is drawn plain; selection is bold and reversed.
    public var noColor: Bool
    /// The terminal or locale cannot draw the Unicode glyphs: ASCII stand-ins are drawn (`ASCIIGlyph`).
    public var asciiGlyphs: Bool

    public init(
        actor: String, readonly: Bool = false, timeZone: TimeZone = .current, noColor: Bool = false,
        asciiGlyphs: Bool = false
    ) {
        self.actor = actor
        self.readonly = readonly
        self.timeZone = timeZone
        self.noColor = noColor
        self.asciiGlyphs = asciiGlyphs
    }

    /// Colour is off with `--no-color` or when `NO_COLOR` is set to anything but the empty string (no-color.org).
    public static func colorDisabled(flag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        flag || !(environment["NO_COLOR"] ?? "").isEmpty
    }
}
