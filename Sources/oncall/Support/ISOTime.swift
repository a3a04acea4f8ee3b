import Foundation
import OnCallRules

/// ISO-8601 parsing for arguments (`--now`, `--at`, ...) and UTC formatting for output.
enum ISOTime {
    /// Accepts `2026-11-27T14:02:00Z`, with fractional seconds, or with an offset (`+01:00`).
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let d = plain.date(from: trimmed) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: trimmed)
    }

    /// `2026-11-27T14:02:00Z` (whole seconds). No formatter: `status --json` writes thousands of these.
    static func format(_ date: Date) -> String {
        UTCStamp.iso(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)), milliseconds: false)
    }

    /// `14:02 UTC` / `Fri 27 Nov 14:02 UTC` in a zone, for human output.
    static func short(_ date: Date, zone: TimeZone, withDay: Bool = false) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = withDay ? "EEE d MMM HH:mm" : "HH:mm"
        // Linux abbreviates UTC as "GMT"; say UTC, as the rules' messages do.
        let name = zone.secondsFromGMT(for: date) == 0 && ["UTC", "GMT"].contains(zone.identifier)
            ? "UTC" : (zone.abbreviation(for: date) ?? zone.identifier)
        return f.string(from: date) + " " + name
    }
}
