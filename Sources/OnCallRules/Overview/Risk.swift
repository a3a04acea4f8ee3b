/// How close a ticket is to breaching its FRT SLA.
public enum Risk: String, Codable, Sendable, CaseIterable, Comparable {
    case breached, critical, warning, ok, paused

    /// Classifies the time left (seconds; negative once breached).
    public static func of(remaining: Double?, paused: Bool, thresholds: RiskThresholds) -> Risk {
        if paused { return .paused }
        guard let remaining else { return .ok }
        if remaining < 0 { return .breached }
        if remaining <= Double(thresholds.criticalMinutes) * 60 { return .critical }
        if remaining <= Double(thresholds.warningMinutes) * 60 { return .warning }
        return .ok
    }

    private var rank: Int { Risk.allCases.firstIndex(of: self)! }
    public static func < (a: Risk, b: Risk) -> Bool { a.rank < b.rank }
}
