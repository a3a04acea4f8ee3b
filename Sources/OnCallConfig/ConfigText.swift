import OnCallRules

/// The textual forms used in the file for weekdays, intervals, holidays and plan names, both ways.
enum ConfigText {
    /// Weekday keys, index 0 = Sunday, as `BusinessSchedule.week` counts them.
    static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    /// The word that removes a named entry or a target in an override file.
    static let none = "none"
    static let needsOrg = "needs_org"

    static func interval(_ text: String) -> OpenInterval? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = minute(of: parts[0]), let end = minute(of: parts[1]) else { return nil }
        return OpenInterval(startMinute: start, endMinute: end)
    }

    /// `HH:MM` with two-digit hours 00-24 and minutes 00-59; 24:00 is the end of the day.
    private static func minute(of text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 24, minute <= 59,
            hour < 24 || minute == 0
        else { return nil }
        return hour * 60 + minute
    }

    static func render(_ interval: OpenInterval) -> String {
        "\(clock(interval.startMinute))-\(clock(interval.endMinute))"
    }

    private static func clock(_ minute: Int) -> String { pad(minute / 60) + ":" + pad(minute % 60) }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// `"easter"`, `"easter+1"`, `"easter-2"` (offsets up to 60 days), `"MM-DD"` (every year), `"YYYY-MM-DD"`
    /// (once), and ranges of either form joined by `..` (`"12-24..12-26"`, `"2026-12-24..2027-01-01"`).
    static func holiday(_ text: String) -> Holiday? {
        if text.hasPrefix("easter") {
            let rest = text.dropFirst("easter".count)
            if rest.isEmpty { return .easter(offset: 0) }
            guard let sign = rest.first, sign == "+" || sign == "-", rest.count >= 2, digits(rest.dropFirst()),
                let days = Int(rest.dropFirst()), days <= 60
            else { return nil }
            return .easter(offset: sign == "+" ? days : -days)
        }
        let ends = text.components(separatedBy: "..")
        if ends.count == 2 {
            if let from = monthDay(ends[0]), let to = monthDay(ends[1]) {
                return .annualRange(fromMonth: from.month, fromDay: from.day, toMonth: to.month, toDay: to.day)
            }
            if let from = date(ends[0]), let to = date(ends[1]), from.daysSinceEpoch <= to.daysSinceEpoch {
                return .dateRange(from: from, to: to)
            }
            return nil
        }
        guard ends.count == 1 else { return nil }
        if let md = monthDay(text) { return .fixed(month: md.month, day: md.day) }
        if let d = date(text) { return .date(year: d.year, month: d.month, day: d.day) }
        return nil
    }

    /// `MM-DD` (29 February allowed).
    private static func monthDay(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, digits(parts[0]), digits(parts[1]),
            let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        return (month, day)
    }

    /// `YYYY-MM-DD`, a real date.
    static func date(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy(digits), let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let civil = CivilDate(year: year, month: month, day: day)
        // A day past the month's end rolls over: the round trip rejects it.
        guard CivilDate(daysSinceEpoch: civil.daysSinceEpoch) == civil else { return nil }
        return civil
    }

    private static func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }

    static func render(_ holiday: Holiday) -> String {
        switch holiday {
        case .easter(let offset): return offset == 0 ? "easter" : offset > 0 ? "easter+\(offset)" : "easter\(offset)"
        case .fixed(let month, let day): return "\(pad(month))-\(pad(day))"
        case .date(let year, let month, let day): return render(CivilDate(year: year, month: month, day: day))
        case .annualRange(let fromMonth, let fromDay, let toMonth, let toDay):
            return "\(pad(fromMonth))-\(pad(fromDay))..\(pad(toMonth))-\(pad(toDay))"
        case .dateRange(let from, let to): return "\(render(from))..\(render(to))"
        }
    }

    static func render(_ date: CivilDate) -> String {
        let year = String(date.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + pad(date.month) + "-" + pad(date.day)
    }

    /// A policy key: letters, digits, `-` and `_`.
    static func isPolicyKey(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-"
            }
    }

    static var planNames: String { Plan.allCases.map(\.rawValue).joined(separator: ", ") }

    /// A TOML basic string, escaped. TOML's basic strings take JSON's escapes, so this is the JSON escaper.
    static func quote(_ text: String) -> String { JSONText.quoted(text) }

    /// A key: bare when TOML allows it, quoted otherwise.
    static func key(_ name: String) -> String {
        let bare = !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-"
            }
        return bare ? name : quote(name)
    }
}
