import Foundation

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
    static func stamp(_ date: Date, milliseconds: Bool = false) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int64, _ width: Int = 2) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let clock = "\(pad(secondOfDay / 3_600)):\(pad(secondOfDay % 3_600 / 60)):\(pad(secondOfDay % 60))"
        let millis = milliseconds ? "." + pad(Int64((date.timeIntervalSince1970 * 1_000).rounded(.down)) % 1_000, 3) : ""
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(clock)\(millis)Z"
    }

    /// A JSON time string, or `null`.
    static func time(_ date: Date?, milliseconds: Bool = false) -> String {
        date.map { "\"" + stamp($0, milliseconds: milliseconds) + "\"" } ?? "null"
    }
}
