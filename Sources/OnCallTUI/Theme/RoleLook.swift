/// How one colour role is drawn: colours and attributes. The terminal turns it into a colour pair.
public struct RoleLook: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        _ foreground: ThemeColor = .terminal, on background: ThemeColor = .terminal, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// True when it uses no colour at all (attributes only).
    public var isPlain: Bool { foreground == .terminal && background == .terminal }

    /// `"208 on default"`-style colours as `[theme]` writes them, without attributes.
    public var colourText: String {
        background == .terminal ? foreground.configName : "\(foreground.configName) on \(background.configName)"
    }

    /// "orange on default, bold" for snapshots and messages.
    public var description: String {
        var parts = [colourText]
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if reverse { parts.append("reverse") }
        if underline { parts.append("underline") }
        return parts.joined(separator: ", ")
    }
}
