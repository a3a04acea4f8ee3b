/// A parsed JSON value. Integers that fit Int64 stay exact; other numbers are doubles.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Duplicate keys: the last one wins, as in most parsers.
    case object([String: JSONValue])

    /// The JSON type name used in error messages ("expected a string, found number").
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}
