import Foundation

/// ISO-8601 UTC text (`2026-05-07T10:00:00Z`, `.SSS` milliseconds when asked or present), without a formatter:
/// audit text and generated payloads write it once per record.
public enum UTCStamp {
    /// `milliseconds`: nil = only when the instant has a fractional part; true/false = always/never.
    public static func iso(_ date: Date, milliseconds: Bool? = nil) -> String {
        let totalMillis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = totalMillis >= 0 ? totalMillis / 1000 : (totalMillis - 999) / 1000
        let millis = totalMillis - seconds * 1000
        let (days, rest) = CivilDate.split(secondsSinceEpoch: seconds)
        let d = CivilDate(daysSinceEpoch: days)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        var text = "\(pad(d.year, 4))-\(pad(d.month))-\(pad(d.day))T\(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60))"
        if milliseconds ?? (millis != 0) { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    /// `2026-11-27T14:02:00Z`: the instant rounded down to the second (what JSON output and `--now` show).
    public static func wholeSeconds(_ date: Date) -> String {
        iso(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)), milliseconds: false)
    }
}
