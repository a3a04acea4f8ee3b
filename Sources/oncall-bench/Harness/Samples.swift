/// Repeated measurements of one figure, summarised as median and p99 (nearest rank).
struct Samples: Sendable {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var max: Double { values.max() ?? 0 }

    /// The nearest-rank percentile `p` (0...100); 0 when there are no values.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count) / 100).rounded(.up))  // multiply first: exact for whole p
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}
