import Foundation

/// Times in messages: UTC, `14:02 UTC` on the same UTC day as `now`, else with the date.
enum RuleTime {
    static func utc(_ date: Date, relativeTo now: Date? = nil) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
        if let now, calendar.isDate(date, inSameDayAs: now) { return time }
        if now == nil { return time }
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + time
    }
}
