import Foundation

extension UpgradeRequest {
    /// Why this request needs the manager's attention at `now` (none once done).
    public func flags(at now: Date, config: OnCallConfig) -> [UpgradeFlag] {
        if done { return [] }
        let thresholds = config.upgrades
        var flags: [UpgradeFlag] = []
        if !config.schedule(named: thresholds.supportHoursSchedule).isOpen(at: scheduledAt) {
            flags.append(.outsideHours)
        }
        let noticeDays = complex ? thresholds.noticeDaysComplex : thresholds.noticeDaysSimple
        // Notice counts from the request, or from the last reschedule, which must meet the minimum notice too.
        if scheduledAt.timeIntervalSince(rescheduledAt ?? requestedAt) < Double(noticeDays) * 86_400 {
            flags.append(.shortNotice)
        }
        let unassignedLimit = requestedAt.addingTimeInterval(Double(thresholds.unassignedHours) * 3600)
        if engineer == nil && now >= unassignedLimit {
            flags.append(.unassigned)
        }
        if let changedAt = engineerChangedAt, previousEngineer != nil, engineer != nil, changedAt <= scheduledAt,
            scheduledAt.timeIntervalSince(changedAt) <= Double(thresholds.assigneeChangeHours) * 3600
        {
            flags.append(.assigneeChanged)
        }
        return flags
    }
}
