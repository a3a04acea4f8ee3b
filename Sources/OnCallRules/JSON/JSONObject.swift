/// A JSON object's members in order. Written objects list every documented key once; a parsed object with a
/// repeated key answers the last one, as most parsers do.
public struct JSONObject: Sendable, Equatable, ExpressibleByArrayLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(_ members: [(String, JSONValue)] = []) {
        self.members = members.map { (key: $0.0, value: $0.1) }
    }

    public init(arrayLiteral elements: (String, JSONValue)...) { self.init(elements) }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }

    /// Appends a member without looking for an earlier one with the same key (the parser's fast path).
    public mutating func append(_ key: String, _ value: JSONValue) { members.append((key: key, value: value)) }

    /// The last member named `key`; setting replaces every member of that name (nil removes them).
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members.reversed() where member.key == key { return member.value }
            return nil
        }
        set {
            members.removeAll { $0.key == key }
            if let newValue { members.append((key: key, value: newValue)) }
        }
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count
            && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
