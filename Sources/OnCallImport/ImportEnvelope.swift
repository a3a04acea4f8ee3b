import OnCallRules

/// The scalar members of a page around its records (`after_cursor`, `end_of_stream`, `more`, `meta.has_more`,
/// `links.next`...), as text: what a live pull needs to ask for the next page, read by the same parse.
public struct ImportEnvelope: Sendable, Equatable {
    /// Member name (nested ones as `meta.has_more`) -> value as text (`true`, `42`, the string itself).
    public private(set) var values: [String: String] = [:]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> String? { values[key] }

    /// True when the member is the JSON `true`.
    public func flag(_ key: String) -> Bool { values[key] == "true" }

    /// Records the scalar members of the top level and of its `meta` and `links` objects.
    mutating func note(_ node: JSONNode) {
        guard case .object(let members)? = node.value else { return }
        for (key, value) in members.members {
            if let text = Self.text(value) {
                values[key] = text
            } else if key == "meta" || key == "links", case .object(let inner) = value {
                for (innerKey, innerValue) in inner.members {
                    if let text = Self.text(innerValue) { values["\(key).\(innerKey)"] = text }
                }
            }
        }
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .number(let d): String(d)
        case .string(let s): s
        default: nil
        }
    }
}
