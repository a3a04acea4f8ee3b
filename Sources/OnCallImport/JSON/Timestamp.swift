import Foundation
import OnCallRules

/// Parses the vendors' timestamp styles (FORMATS.md §5) into UTC instants, without `DateFormatter`:
/// `2023-10-23T03:14:33Z`, `…​.964Z`, `…-07:00` / `…+0530`, and GitLab's legacy `2018-09-17 21:01:30 UTC`.
enum Timestamp {
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2)
        else { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ")
        else { return nil }
        i += 1
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2), expect(UInt8(ascii: ":")),
            let second = digits(2)
        else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        if i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        var offset = 0
        if i == b.count {
            return nil  // no zone: refuse rather than guess
        } else if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b.count - i == 3, b[i] == UInt8(ascii: "U"), b[i + 1] == UInt8(ascii: "T"),
            b[i + 2] == UInt8(ascii: "C")
        {
            i += 3
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            guard let om = digits(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset
        // Whole milliseconds, so that a store keeping milliseconds gives back the very same instant.
        let millis = Double(seconds) * 1000 + (fraction * 1000).rounded()
        return Date(timeIntervalSince1970: millis / 1000)
    }

    /// `2026-05-07T10:00:00Z` (milliseconds shown only when present), cheaply, for audit text.
    static func format(_ date: Date) -> String { UTCStamp.iso(date) }
}
