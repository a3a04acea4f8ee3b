/// The limit a figure must stay within, and which statistic is held to it.
struct Budget: Sendable {
    enum Statistic: String, Sendable { case median, p99 }
    /// `atMost`: the statistic must be <= limit (ms, MB, s); `atLeast`: >= limit (a rate).
    enum Direction: String, Sendable { case atMost = "<=", atLeast = ">=" }

    var limit: Double
    var statistic: Statistic
    var direction: Direction = .atMost

    func passes(median: Double, p99: Double) -> Bool {
        let value = statistic == .median ? median : p99
        return direction == .atMost ? value <= limit : value >= limit
    }
}
