import OnCallRules

/// The documented range of every duration and count in the file (see `Resources/config.toml`): a value
/// outside it is refused naming the key, so no later clock arithmetic can overflow or walk for minutes.
enum ConfigRange {
    /// Any duration in minutes: at most a year (525,600 minutes).
    static let minutes = 1...525_600
    /// An SLA target in its unit: at most a year of seconds, minutes or (business) days.
    static func target(_ unit: SLATargetUnit) -> ClosedRange<Int> {
        switch unit {
        case .seconds: 1...31_536_000
        case .minutes: minutes
        case .days: days
        }
    }
    /// Notice in days: at most a year.
    static let days = 1...365
    /// Hours: at most a year (8,760 hours).
    static let hours = 1...8_760
    /// Alert thresholds (records at once).
    static let count = 1...100_000
    /// The dashboard's poll interval: up to a minute (the loop polls at least every 50 ms apart anyway).
    static let pollMilliseconds = 1...60_000
    /// A source's poll interval: 5 seconds to a day (a shorter one spends the vendor's rate budget for nothing).
    static let pollSeconds = 5...86_400
}
