import OnCallRules

extension ConfigLoader {
    /// Checks what single keys cannot: names a key refers to exist, and thresholds are in order.
    static func validate(_ config: OnCallConfig) throws {
        let known = config.schedules.keys.sorted().joined(separator: ", ")
        func check(_ schedule: String, at path: String) throws {
            guard config.schedules[schedule] != nil else {
                throw ConfigError(keyPath: path, message: "unknown schedule \"\(schedule)\" (known: \(known))")
            }
        }
        for (index, key) in config.policyOrder.enumerated() where config.policies[key] == nil {
            throw ConfigError(keyPath: "policy_order[\(index)]", message: "no policy named \"\(key)\"")
        }
        for key in config.policies.keys.sorted() where !config.policyOrder.contains(key) {
            throw ConfigError(
                keyPath: "policies.\(key)", message: "not in policy_order (add it where it should be tried)")
        }
        for (name, policy) in config.policies.sorted(by: { $0.key < $1.key }) {
            for priority in TicketPriority.allCases {
                if let target = policy.targets[priority] {
                    try check(target.schedule, at: "policies.\(name).\(priority.rawValue).schedule")
                }
            }
            if let target = policy.unprioritized {
                try check(target.schedule, at: "policies.\(name).unprioritized.schedule")
            }
            for region in Region.allCases {
                if let schedule = policy.regionSchedules[region] {
                    try check(schedule, at: "policies.\(name).region_schedules.\(region.rawValue)")
                }
            }
        }
        try check(config.upgrades.supportHoursSchedule, at: "upgrades.support_hours_schedule")
        try check(config.escalationSchedule, at: "escalation_schedule")
        for (name, schedule) in config.schedules.sorted(by: { $0.key < $1.key }) where schedule.week.count != 7 && !schedule.week.isEmpty {
            throw ConfigError(keyPath: "schedules.\(name)", message: "expected 7 weekdays (or none), got \(schedule.week.count)")
        }
        if config.risk.criticalMinutes > config.risk.warningMinutes {
            throw ConfigError(
                keyPath: "risk.critical_minutes",
                message: "\(config.risk.criticalMinutes) is more than risk.warning_minutes (\(config.risk.warningMinutes))")
        }
        try validateEmergency(config.emergency)
    }
}
