import Foundation

/// Absolute times in the dashboard's zone, without `DateFormatter` (slow to build, not `Sendable`).
struct Clock {
    let calendar: Calendar
    let zone: TimeZone

    init(_ zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
        self.zone = zone
    }

    /// The zone's short name at `date` ("UTC", "CET", or "GMT+1").
    func zoneName(_ date: Date) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" { return "UTC" }
        return zone.abbreviation(for: date) ?? zone.identifier
    }

    private func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    /// `14:02`
    func hm(_ date: Date) -> String {
        let c = parts(date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// `14:02:33`
    func hms(_ date: Date) -> String {
        let c = parts(date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `2026-11-27 14:02:33 UTC`
    func full(_ date: Date) -> String {
        let c = parts(date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0) + zoneName(date)
    }

    /// `11-27 14:02` (for table cells), with the date only when it is not today.
    func short(_ date: Date, now: Date) -> String {
        if calendar.isDate(date, inSameDayAs: now) { return hm(date) }
        let c = parts(date)
        return String(format: "%02d-%02d %02d:%02d", c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
