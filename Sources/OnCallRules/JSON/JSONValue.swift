import Foundation

/// A JSON value, the one type for every JSON the program reads or writes. Integers that fit Int64 stay exact;
/// objects keep their keys in order, so written objects are stable and complete (see `JSONWriter`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A string, or `null` when absent.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    /// An integer, or `null` when absent.
    public static func optional(_ i: Int64?) -> JSONValue { i.map(JSONValue.int) ?? .null }
    /// A UTC time in whole seconds (`2026-11-27T14:02:00Z`), or `null` when absent.
    public static func time(_ d: Date?) -> JSONValue { d.map { .string(JSONText.time($0)) } ?? .null }
    /// An array of strings.
    public static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }

    /// The JSON type name used in error messages ("expected a string, found number").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The member `key` of an object (the last one when the key is repeated); nil otherwise.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Compact text (one line), or indented with `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.value(self)
        return writer.text
    }
}
