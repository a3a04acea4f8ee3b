/// How close to an FRT breach counts as critical or warning.
public struct RiskThresholds: Codable, Sendable, Equatable {
    public var criticalMinutes: Int
    public var warningMinutes: Int

    public init(criticalMinutes: Int = 30, warningMinutes: Int = 120) {
        self.criticalMinutes = criticalMinutes
        self.warningMinutes = warningMinutes
    }
}
