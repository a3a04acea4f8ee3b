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

    static func holiday(_ text: String) -> Holiday? {
        if text == "easter" { return .easterSunday }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        return .fixed(month: month, day: day)
    }

    static func render(_ holiday: Holiday) -> String {
        switch holiday {
        case .easterSunday: return "easter"
        case .fixed(let month, let day): return "\(pad(month))-\(pad(day))"
        }
    }

    static var planNames: String { Plan.allCases.map(\.rawValue).joined(separator: ", ") }

    /// A TOML basic string, escaped.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

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
