import Foundation
import GRDB

/// Reads a row's columns in the order of the SELECT that produced it. GRDB's lookup by column name lowercases
/// the name on every call, which cost more than the rest of a board load; reading by position does not.
/// Each read names its column, for the error message and so that the code reads like the column list.
struct ColumnReader {
    let row: Row
    let table: String
    private var index = 0

    init(_ row: Row, table: String) {
        self.row = row
        self.table = table
    }

    /// The record's id, for messages: the first column of every SELECT.
    private var id: Int64? { try? row.decode(Int64.self, atIndex: 0) }

    private func problem(_ what: String, _ column: String) -> StoredValueError {
        StoredValueError(table: table, id: id, reason: "\(what) \(column)")
    }

    /// The next column's value, throwing (never trapping) when the stored value has the wrong type.
    mutating func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        defer { index += 1 }
        do {
            return try row.decode(T.self, atIndex: index)
        } catch {
            throw problem("an unreadable", column)
        }
    }

    mutating func date(_ column: String) throws -> Date {
        guard let date = try optionalDate(column) else { throw problem("no", column) }
        return date
    }

    /// A date column (see `StoredDate`); other forms SQLite knows are read through GRDB.
    mutating func optionalDate(_ column: String) throws -> Date? {
        defer { index += 1 }
        let stored = row[index] as DatabaseValue
        if stored.isNull { return nil }
        if case .string(let text) = stored.storage, let date = StoredDate.date(text) { return date }
        guard let date = Date.fromDatabaseValue(stored) else { throw problem("an unreadable", column) }
        return date
    }

    mutating func enumValue<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        guard let value: T = try optionalEnum(column) else { throw problem("no", column) }
        return value
    }

    mutating func optionalEnum<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        let raw: String? = try value(column)
        guard let raw else { return nil }
        guard let value = T(rawValue: raw) else {
            throw StoredValueError(table: table, id: id, reason: "an unknown \(column) '\(raw.prefix(60))'")
        }
        return value
    }

    mutating func json<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let text = try value(column, as: String?.self) ?? "[]"
        do {
            return try StoredValue.decode(T.self, from: text)
        } catch {
            throw problem("an unreadable", column)
        }
    }
}
