import Foundation
import GRDB

extension Row {
    /// A column's value, throwing (never trapping) when the stored value has the wrong type.
    func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        try decode(T.self, forColumn: column)
    }

    /// A date column (see `StoredDate`); other forms SQLite knows are read through GRDB.
    func date(_ column: String) throws -> Date {
        guard let date = try optionalDate(column) else {
            throw StoredValueError(description: "\(self["id"] as DatabaseValue) has no \(column)")
        }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        let stored: DatabaseValue = self[column]
        if stored.isNull { return nil }
        if case .string(let text) = stored.storage, let date = StoredDate.date(text) { return date }
        guard let date = Date.fromDatabaseValue(stored) else {
            throw StoredValueError(description: "a \(column) that is not a date: \(stored)")
        }
        return date
    }
}

extension Date {
    /// The stored text form (see `StoredDate`).
    var stored: String { StoredDate.text(self) }
}
