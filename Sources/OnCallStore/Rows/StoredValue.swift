import Foundation
import GRDB

/// A stored value this version cannot read (an unknown state, broken JSON): reported as a corrupt store.
struct StoredValueError: Error, CustomStringConvertible {
    var description: String
}

/// Reading and writing the column forms that are not plain SQLite values: enums and JSON arrays.
enum StoredValue {
    static func enumValue<T: RawRepresentable>(
        _ row: Row, _ column: String, table: String, as type: T.Type = T.self
    ) throws -> T where T.RawValue == String {
        let raw: String = try row.decode(String.self, forColumn: column)
        guard let value = T(rawValue: raw) else {
            throw StoredValueError(description: "\(table) \(row["id"] as Int64? ?? 0) has an unknown \(column) '\(raw)'")
        }
        return value
    }

    static func optionalEnum<T: RawRepresentable>(
        _ row: Row, _ column: String, table: String, as type: T.Type = T.self
    ) throws -> T? where T.RawValue == String {
        guard let raw: String = row[column] else { return nil }
        guard let value = T(rawValue: raw) else {
            throw StoredValueError(description: "\(table) \(row["id"] as Int64? ?? 0) has an unknown \(column) '\(raw)'")
        }
        return value
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func fromJSON<T: Decodable>(_ type: T.Type, _ row: Row, _ column: String, table: String) throws -> T {
        let text: String = row[column] ?? "[]"
        do {
            return try decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoredValueError(description: "\(table) \(row["id"] as Int64? ?? 0) has unreadable \(column)")
        }
    }

    private static let dateStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    // JSONEncoder/Decoder are not Sendable: a fresh one per use is cheap next to the disk write.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(dateStyle))
        }
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try dateStyle.parse(try container.decode(String.self))
        }
        return decoder
    }
}
