import Foundation
import GRDB

/// A stored value this version cannot read (an unknown state, broken JSON). A board load lists the record as
/// unreadable and goes on; a command that needs the record reports it as a corrupt store.
struct StoredValueError: Error, CustomStringConvertible {
    var table: String
    /// The record's id, when even that could not be read: nil.
    var id: Int64?
    /// "an unknown urgency 'critical'".
    var reason: String

    var description: String { "\(table) \(id.map(String.init) ?? "?") has \(reason)" }
}

/// JSON text for the array columns (labels, hand-offs, checklist).
enum StoredValue {
    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decoder.decode(T.self, from: Data(text.utf8))
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
