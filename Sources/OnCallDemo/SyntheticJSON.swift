import Foundation
import OnCallRules

/// Writes JSON text to a file handle through a buffer, so a large export never sits in memory whole.
struct SyntheticJSONWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let flushAt = 1 << 20

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(flushAt + 65_536)
    }

    mutating func raw(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushAt { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func quote(_ text: String?) -> String { text.map(quote) ?? "null" }

    /// `2023-09-18T15:57:42Z` (or with `.000` milliseconds), computed without a formatter.
    static func stamp(_ date: Date, milliseconds: Bool = false) -> String { UTCStamp.iso(date, milliseconds: milliseconds) }

    /// A JSON time string, or `null`.
    static func time(_ date: Date?, milliseconds: Bool = false) -> String {
        date.map { "\"" + stamp($0, milliseconds: milliseconds) + "\"" } ?? "null"
    }
}
