import Foundation
import TOMLKit

/// A TOML table being read with the key path that leads to it, so every error names its key.
struct ConfigNode {
    let table: TOMLTable
    let path: String

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    var keys: [String] { table.keys }

    func fail(_ key: String, _ message: String) -> ConfigError {
        ConfigError(keyPath: childPath(key), message: message)
    }

    /// Refuses any key that is not in `allowed`.
    func checkKeys(_ allowed: [String]) throws {
        for key in table.keys where !allowed.contains(key) {
            throw fail(key, "unknown key (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    func raw(_ key: String) -> TOMLValueConvertible? { table[key] }

    /// An integer within `range` (a positive one by default); outside it the error names the key and the range.
    func int(_ key: String, in range: ClosedRange<Int> = 1...Int.max) throws -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, number >= range.lowerBound else {
            let what = range.lowerBound == 1 ? "a positive integer" : "an integer >= \(range.lowerBound)"
            throw fail(key, "expected \(what), got \(Self.describe(value))")
        }
        guard number <= range.upperBound else {
            throw fail(key, "\(number) is out of range: expected at most \(range.upperBound)")
        }
        return number
    }

    func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw fail(key, "expected a string, got \(Self.describe(value))") }
        return text
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw fail(key, "expected true or false, got \(Self.describe(value))") }
        return flag
    }

    func stringArray(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            throw fail(key, "expected an array of strings, got \(Self.describe(value))")
        }
        var result: [String] = []
        for index in 0..<array.count {
            let element = array[index]
            guard let text = element.string else {
                throw ConfigError(
                    keyPath: "\(childPath(key))[\(index)]", message: "expected a string, got \(Self.describe(element))")
            }
            result.append(text)
        }
        return result
    }

    func node(_ key: String) throws -> ConfigNode? {
        guard let value = table[key] else { return nil }
        guard let sub = value.table else { throw fail(key, "expected a table, got \(Self.describe(value))") }
        return ConfigNode(table: sub, path: childPath(key))
    }

    /// How a value is shown in an error: strings quoted, numbers as written, others by kind.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "\"\(value.string ?? "")\""
        case .int: return value.int.map(String.init) ?? "an integer"
        case .double: return value.double.map { String($0) } ?? "a number"
        case .bool: return value.bool.map { String($0) } ?? "a boolean"
        case .table: return "a table"
        case .array: return "an array"
        case .date, .time, .dateTime: return "a date/time"
        }
    }
}
