extension Key {
    /// Named keys as `[keys]` writes them (lower case; the first name of each is the canonical one).
    static let namedKeys: [(names: [String], key: Key)] = [
        (["enter", "return"], .enter), (["esc", "escape"], .escape), (["tab"], .tab),
        (["shift-tab", "backtab"], .backTab), (["backspace"], .backspace), (["delete", "del"], .delete),
        (["space"], .char(" ")), (["up"], .up), (["down"], .down), (["left"], .left), (["right"], .right),
        (["pgup", "pageup"], .pageUp), (["pgdn", "pagedown"], .pageDown), (["home"], .home), (["end"], .end),
    ]

    /// Control keys the terminal keeps for itself or sends as another key (Ctrl-H is Backspace, Ctrl-I Tab...).
    static let reservedControls: [Character: String] = [
        "c": "the terminal sends it as an interrupt", "z": "the terminal sends it as suspend",
        "s": "the terminal uses it for flow control", "q": "the terminal uses it for flow control",
        "h": "the terminal sends it as backspace", "i": "the terminal sends it as tab",
        "j": "the terminal sends it as enter", "m": "the terminal sends it as enter",
    ]

    /// What `[keys]` accepts, for error messages and the README.
    public static let configSyntax =
        "a single character (\"a\", \"A\", \"?\"), ctrl-a..ctrl-z, space, enter, esc, tab, shift-tab, backspace, "
        + "delete, up, down, left, right, pgup, pgdn, home, end, f1..f12"

    /// Parses a key name as written in `[keys]`; throws a message saying what is wrong.
    public static func parse(configName name: String) throws(KeyNameError) -> Key {
        if name.count == 1, let c = name.first {
            guard c.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })
            else { throw KeyNameError(name: name, reason: "is not a printable key (write \"space\" for the space bar)") }
            return .char(c)
        }
        let lower = name.lowercased()
        if let named = namedKeys.first(where: { $0.names.contains(lower) }) { return named.key }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter {
            if let why = reservedControls[c] { throw KeyNameError(name: name, reason: "cannot be bound: \(why)") }
            return .ctrl(c)
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n), lower.count <= 3 {
            return .function(n)
        }
        throw KeyNameError(name: name, reason: "is not a key name (expected \(configSyntax))")
    }

    /// How `[keys]` writes the key; `parse(configName:)` reads it back.
    public var configName: String {
        if let named = Self.namedKeys.first(where: { $0.key == self }) { return named.names[0] }
        switch self {
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-" + String(c)
        case .function(let n): return "f\(n)"
        default: return label.lowercased()
        }
    }
}

/// A key name in `[keys]` that cannot be used, and why.
public struct KeyNameError: Error, Equatable, Sendable {
    public var name: String
    public var reason: String

    /// `"ctrl-c" cannot be bound: the terminal sends it as an interrupt`.
    public var message: String { "\"\(name)\" \(reason)" }
}
