import Foundation
import OnCallRules

extension DemoShift {
    /// The SMOC rota in Europe/Amsterdam (DOMAIN.md §7): APAC 01-09, EMEA 09-17, AMER 17-01, every day, from
    /// yesterday to a week ahead, plus one cover for part of the current shift.
    static func rota(now: Date) -> [RotaEntry] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .gmt
        let today = calendar.startOfDay(for: now)
        func at(_ dayOffset: Int, _ hour: Int) -> Date {
            let day = calendar.date(byAdding: .day, value: dayOffset, to: today) ?? today
            return calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day) ?? day
        }
        func manager(_ region: Region, _ start: Date) -> String {
            let names = managers[region] ?? []
            let week = calendar.component(.weekOfYear, from: start)
            return names[week % names.count]
        }
        var entries: [RotaEntry] = []
        // The AMER shift that started the day before yesterday runs into yesterday's first hour.
        for dayOffset in -2...7 {
            let shifts: [(Region, Date, Date)] = [
                (.apac, at(dayOffset, 1), at(dayOffset, 9)),
                (.emea, at(dayOffset, 9), at(dayOffset, 17)),
                (.amer, at(dayOffset, 17), at(dayOffset + 1, 1)),
            ]
            for (region, start, end) in shifts where dayOffset >= -1 || region == .amer {
                entries.append(
                    RotaEntry(
                        id: Int64(entries.count + 1), name: manager(region, start), region: region, start: start,
                        end: end, kind: .shift, source: "demo"))
            }
        }
        let onCall = entries.first { $0.start <= now && now < $0.end }
        entries.append(
            RotaEntry(
                id: Int64(entries.count + 1), name: coverManager, region: .emea,
                start: minutes(-20, from: now), end: minutes(70, from: now), kind: .cover, covering: onCall?.name,
                note: "Covering during a customer call (QBR with Helios Energy)", source: "demo"))
        return entries
    }
}
