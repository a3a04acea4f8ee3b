/// The people a name prompt offers: managers on the rota, configured engineers and names seen in the records
/// (imported users included), cleaned for the screen and sorted.
public struct PeopleDirectory: Sendable, Equatable {
    public private(set) var names: [String]
    /// Managers on the rota (shifts and covers).
    public private(set) var managers: Set<String>
    private var lowered: Set<String>

    public init(names: [String] = [], managers: Set<String> = []) {
        self.names = names
        self.managers = managers
        lowered = Set(names.map { $0.lowercased() })
    }

    /// Whether `name` is someone known (case-insensitive).
    public func knows(_ name: String) -> Bool { lowered.contains(name.lowercased()) }

    /// The known name closest to `name` (fewest edits, case-insensitive), nil when nobody is reasonably close.
    public func closest(to name: String) -> String? {
        let target = Array(name.lowercased())
        guard !target.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in names {
            let lower = candidate.lowercased()
            // Someone whose name contains what was typed (a first name) is as close as it gets.
            let d = lower.contains(name.lowercased()) ? 0 : Self.distance(target, Array(lower))
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, target.count / 2) else { return nil }
        return best.name
    }

    /// Levenshtein distance with two rows.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
