import Foundation

/// Whether an emergency page went unanswered long enough to fall to the manager, or to senior managers.
public enum MissedPage: String, Codable, Sendable, Comparable {
    case none, manager, senior

    /// Still triggered `managerMinutes` after paging (or escalated by the source) = manager;
    /// `seniorMinutes` = senior managers paged, on the tiers of the emergency's PagerDuty service
    /// (`EmergencyTimings.tiers(for:)`). Once a manager leads it, the page has been answered. An unknown
    /// page time starts no clock.
    public static func of(_ emergency: Emergency, at now: Date, timings: EmergencyTimings) -> MissedPage {
        guard emergency.state == .triggered, emergency.lead == nil else { return .none }
        // No page time, no clock: only the source's own escalation counts.
        guard emergency.pageTimeKnown else { return emergency.escalatedAt != nil ? .manager : .none }
        let tiers = timings.tiers(for: emergency)
        let age = now.timeIntervalSince(emergency.pagedAt)
        if age >= Double(tiers.seniorMinutes) * 60 { return .senior }
        if age >= Double(tiers.managerMinutes) * 60 || emergency.escalatedAt != nil { return .manager }
        return .none
    }

    private var rank: Int { [MissedPage.none, .manager, .senior].firstIndex(of: self)! }
    public static func < (a: MissedPage, b: MissedPage) -> Bool { a.rank < b.rank }
}
