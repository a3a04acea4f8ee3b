import Foundation
import OnCallRules

/// A value and where it is, with typed accessors that throw `JSONProblem` naming the path and what was expected.
/// A missing key and `null` are both "absent" for the optional accessors.
struct JSONNode {
    let value: JSONValue?
    let path: JSONPath

    init(_ value: JSONValue?, path: JSONPath) {
        self.value = value
        self.path = path
    }

    subscript(key: String) -> JSONNode {
        JSONNode(value?[key], path: path.appending(key))
    }

    var isAbsent: Bool {
        switch value {
        case nil, .null?: true
        default: false
        }
    }

    var isPresent: Bool { value != nil }

    func problem(_ expected: String) -> JSONProblem {
        switch value {
        case nil: JSONProblem(path: path, reason: "missing required field (expected \(expected))")
        case let v?: JSONProblem(path: path, reason: "expected \(expected), found \(v.typeName)")
        }
    }

    // MARK: required

    func int64() throws(JSONProblem) -> Int64 {
        switch value {
        case .int(let i)?: return i
        case .number(let d)? where d.isFinite && d.rounded() == d:
            throw JSONProblem(path: path, reason: "expected an integer in Int64 range, found \(d)")
        default: throw problem("an integer")
        }
    }

    func string() throws(JSONProblem) -> String {
        if case .string(let s)? = value { return s }
        throw problem("a string")
    }

    func date() throws(JSONProblem) -> Date {
        guard case .string(let s)? = value else { throw problem("a timestamp string") }
        guard let d = Timestamp.parse(s) else {
            throw JSONProblem(path: path, reason: "expected a timestamp, found \"\(s.prefix(40))\"")
        }
        return d
    }

    func object() throws(JSONProblem) -> JSONNode {
        if case .object? = value { return self }
        throw problem("an object")
    }

    func array() throws(JSONProblem) -> [JSONNode] {
        guard case .array(let items)? = value else { throw problem("an array") }
        return items.enumerated().map { JSONNode($0.element, path: path.appending($0.offset)) }
    }

    // MARK: optional (absent or null -> nil; a wrong type still throws)

    func optionalInt64() throws(JSONProblem) -> Int64? { isAbsent ? nil : try int64() }
    func optionalString() throws(JSONProblem) -> String? { isAbsent ? nil : try string() }
    func optionalDate() throws(JSONProblem) -> Date? { isAbsent ? nil : try date() }
    func optionalArray() throws(JSONProblem) -> [JSONNode] { isAbsent ? [] : try array() }
    func optionalObject() throws(JSONProblem) -> JSONNode? { isAbsent ? nil : try object() }

    func optionalBool() throws(JSONProblem) -> Bool? {
        if isAbsent { return nil }
        if case .bool(let b)? = value { return b }
        throw problem("a boolean")
    }

    /// A string or a number, as text (custom field values, ids that vendors send either way).
    var looseText: String? {
        switch value {
        case .string(let s)?: s
        case .int(let i)?: String(i)
        default: nil
        }
    }
}
