/// A terminal colour: the terminal's own, or an index of the 256-colour table with the basic colour (0-7)
/// to use on a terminal with fewer colours.
public enum ThemeColor: Sendable, Hashable {
    case terminal
    case index(Int, basic: Int)

    /// The names `[theme]` accepts, with their index (the first eight are also the basic colours).
    static let names: [(String, Int)] = [
        ("black", 0), ("red", 1), ("green", 2), ("yellow", 3), ("blue", 4), ("magenta", 5), ("cyan", 6),
        ("white", 7), ("bright-black", 8), ("bright-red", 9), ("bright-green", 10), ("bright-yellow", 11),
        ("bright-blue", 12), ("bright-magenta", 13), ("bright-cyan", 14), ("bright-white", 15), ("orange", 208),
        ("grey", 244), ("gray", 244),
    ]

    /// What `[theme]` accepts, for messages and the README.
    public static let syntax =
        "default, black, red, green, yellow, blue, magenta, cyan, white, bright-black..bright-white, orange, grey, "
        + "or 0-255; \"FG on BG\" also sets the background"

    /// An index with the basic colour nearest to it.
    public static func indexed(_ n: Int) -> ThemeColor { .index(n, basic: nearestBasic(n)) }

    /// Parses one colour: a name, `default` (the terminal's) or 0-255.
    public static func parse(_ text: String) -> ThemeColor? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word == "default" { return .terminal }
        if let n = Int(word), (0...255).contains(n) { return .indexed(n) }
        if let named = names.first(where: { $0.0 == word }) { return .indexed(named.1) }
        return nil
    }

    /// How `[theme]` writes it: a name when there is one, else the index.
    public var configName: String {
        switch self {
        case .terminal: "default"
        case .index(let n, _): Self.names.first { $0.1 == n }?.0 ?? String(n)
        }
    }

    /// The colour number for a terminal with `colorCount` colours (-1 = the terminal's own).
    public func number(colorCount: Int) -> Int {
        switch self {
        case .terminal: -1
        case .index(let n, let basic): n < colorCount ? n : basic
        }
    }

    /// The basic colour (0-7) closest to an xterm-256 index, by its RGB.
    static func nearestBasic(_ n: Int) -> Int {
        if n < 16 { return n % 8 }
        let rgb: (Int, Int, Int)
        if n >= 232 {
            let level = 8 + (n - 232) * 10
            rgb = (level, level, level)
        } else {
            let levels = [0, 95, 135, 175, 215, 255]
            let i = n - 16
            rgb = (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        }
        let basics = [(0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128), (0, 128, 128), (192, 192, 192)]
        func distance(_ b: (Int, Int, Int)) -> Int {
            (rgb.0 - b.0) * (rgb.0 - b.0) + (rgb.1 - b.1) * (rgb.1 - b.1) + (rgb.2 - b.2) * (rgb.2 - b.2)
        }
        return basics.indices.min { distance(basics[$0]) < distance(basics[$1]) } ?? 7
    }
}
