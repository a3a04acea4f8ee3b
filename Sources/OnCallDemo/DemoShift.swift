import Foundation
import OnCallRules

/// A believable shift of records relative to `now`: pure and deterministic (same `now`, same records).
public enum DemoShift {
    /// The whole shift: emergencies, escalations, tickets, rota, upgrade requests and a security notice.
    public static func records(now: Date) -> Board {
        let rota = rota(now: now)
        let managers = DemoManagers(rota: rota, now: now)
        return Board(
            tickets: tickets(now: now),
            escalations: escalations(now: now, managers: managers),
            emergencies: emergencies(now: now, managers: managers),
            rota: rota,
            upgrades: upgrades(now: now),
            notices: notices(now: now)
        )
    }

    /// Support engineers, offered as completions when assigning (and used by the demo records).
    public static let engineers = [
        "Amara Osei", "Lucía Fernández", "Oskar Nilsson", "Mateus Oliveira", "Yuki Sato", "Hannah Becker",
        "Rahul Mehta", "Chloé Dubois", "Tomás Ó Briain", "Wei Zhang", "Fatima Al-Sayed", "Jonas Lindqvist",
    ]

    /// Managers per region; the rota alternates the two of each region by week.
    public static let managers: [Region: [String]] = [
        .apac: ["Aroha Ngata", "Kenji Watanabe"],
        .emea: ["Zoë Ångström", "Sébastien Moreau"],
        .amer: ["Dana Whitfield", "Marcus Okafor"],
    ]

    /// The manager who covers part of the current shift.
    public static let coverManager = "Priya Raghunathan"

    static func minutes(_ count: Double, from now: Date) -> Date { now.addingTimeInterval(count * 60) }
}

/// Who leads now and who led before, read from the demo rota (shifts only, covers aside).
struct DemoManagers {
    let current: String
    let previous: String
    let currentShiftStart: Date

    init(rota: [RotaEntry], now: Date) {
        let shifts = rota.filter { $0.kind == .shift }.sorted { $0.start < $1.start }
        let index = shifts.firstIndex { $0.start <= now && now < $0.end } ?? 0
        current = shifts[index].name
        previous = index > 0 ? shifts[index - 1].name : shifts[index].name
        currentShiftStart = shifts[index].start
    }
}
