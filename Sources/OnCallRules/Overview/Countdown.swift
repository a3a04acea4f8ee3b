/// Formats a countdown the way the panes show it: `-12m` once past, `18m 42s` under an hour, `3h 05m`, `2d 4h`.
/// Never `mm:ss`, which next to "ends 08:00" reads as a clock time.
public enum Countdown {
    /// `seconds` left (negative once breached or overdue).
    public static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        if whole < 0 {
            let past = -whole
            return "-" + compact(max(past, 60) / 60)
        }
        if whole < 3600 {
            return whole < 60 ? "\(whole)s" : "\(whole / 60)m " + String(format: "%02ds", whole % 60)
        }
        return compact(whole / 60)
    }

    /// How long something has been running: `45s`, `14m`, `1h 35m`, `2d 4h` (never `mm:ss`, which reads as a clock).
    public static func elapsed(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        return format(Double(s))
    }

    /// `12m`, `3h 05m`, `2d 4h` from whole minutes.
    static func compact(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 24 * 60 { return "\(minutes / 60)h " + String(format: "%02dm", minutes % 60) }
        return "\(minutes / 1440)d \((minutes % 1440) / 60)h"
    }
}
