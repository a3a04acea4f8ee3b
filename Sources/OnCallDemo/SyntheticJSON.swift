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

    /// A JSON string literal (the program's one escaper).
    static func quote(_ text: String) -> String { JSONText.quoted(text) }

    static func quote(_ text: String?) -> String { text.map(quote) ?? "null" }

    /// `2023-09-18T15:57:42Z` (or with `.000` milliseconds), computed without a formatter.
    static func stamp(_ date: Date, milliseconds: Bool = false) -> String { JSONText.time(date, milliseconds: milliseconds) }

    /// A JSON time string, or `null`.
    static func time(_ date: Date?, milliseconds: Bool = false) -> String {
        date.map { "\"" + stamp($0, milliseconds: milliseconds) + "\"" } ?? "null"
    }
}
