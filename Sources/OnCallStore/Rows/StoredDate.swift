import Foundation
import OnCallRules

/// Dates as stored: "yyyy-MM-dd HH:mm:ss.SSS" in UTC, the text form GRDB uses, so the file reads well in
/// `sqlite3` and text order is time order. Formatted and parsed by hand: Foundation's formatters and
/// calendars cost microseconds per date, which added up to most of a board load at 2,000 tickets.
enum StoredDate {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let dayMilliseconds: Int64 = 86_400_000
        var days = milliseconds / dayMilliseconds
        var rest = milliseconds % dayMilliseconds
        if rest < 0 {
            days -= 1
            rest += dayMilliseconds
        }
        let civil = CivilDate(daysSinceEpoch: Int(days))
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int64, at start: Int, width: Int) {
            var value = value
            for i in stride(from: start + width - 1, through: start, by: -1) {
                bytes[i] = UInt8(48 + value % 10)
                value /= 10
            }
        }
        put(year, at: 0, width: 4)
        bytes[4] = 45  // -
        put(month, at: 5, width: 2)
        bytes[7] = 45
        put(day, at: 8, width: 2)
        bytes[10] = 32  // space
        put(rest / 3_600_000, at: 11, width: 2)
        bytes[13] = 58  // :
        put(rest / 60_000 % 60, at: 14, width: 2)
        bytes[16] = 58
        put(rest / 1000 % 60, at: 17, width: 2)
        bytes[19] = 46  // .
        put(rest % 1000, at: 20, width: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses "yyyy-MM-dd HH:mm:ss" with an optional ".SSS" (a 'T' separator is accepted too); nil otherwise.
    static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 19 || bytes.count == 23 else { return nil }
            func number(_ start: Int, _ width: Int) -> Int64? {
                var value: Int64 = 0
                for i in start..<start + width {
                    let digit = Int64(bytes[i]) - 48
                    guard digit >= 0 && digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard bytes[4] == 45, bytes[7] == 45, bytes[10] == 32 || bytes[10] == 84, bytes[13] == 58,
                bytes[16] == 58,
                let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            var milliseconds: Int64 = 0
            if bytes.count == 23 {
                guard bytes[19] == 46, let fraction = number(20, 3) else { return nil }
                milliseconds = fraction
            }
            let days = Int64(CivilDate(year: Int(year), month: Int(month), day: Int(day)).daysSinceEpoch)
            let total = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milliseconds
            return Date(timeIntervalSince1970: Double(total) / 1000)
        }
    }
}
