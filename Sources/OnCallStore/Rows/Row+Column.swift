import GRDB

extension Row {
    /// A column's value, throwing (never trapping) when the stored value has the wrong type.
    func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        try decode(T.self, forColumn: column)
    }
}
