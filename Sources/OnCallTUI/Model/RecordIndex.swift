import OnCallRules

/// Positions of records in the overview's lists by id, built once per reload so lookups are O(1).
struct RecordIndex: Sendable, Equatable {
    var emergencies: [Int64: Int] = [:]
    var escalations: [Int64: Int] = [:]
    var upgrades: [Int64: Int] = [:]
    var tickets: [Int64: Int] = [:]

    init() {}

    init(_ overview: Overview) {
        for (i, e) in overview.emergencies.enumerated() { emergencies[e.id] = i }
        for (i, e) in overview.escalations.enumerated() { escalations[e.id] = i }
        for (i, u) in overview.upgrades.enumerated() { upgrades[u.id] = i }
        for (i, t) in overview.frt.enumerated() { tickets[t.id] = i }
    }
}
