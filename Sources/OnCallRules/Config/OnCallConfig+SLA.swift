import Foundation

extension OnCallConfig {
    /// The policy that applies to a ticket: Needs Org when it has no organization, else its plan's.
    /// A plan missing from `policies` gets no SLA (an empty policy named after the plan).
    public func policy(for ticket: Ticket) -> SLAPolicy {
        guard ticket.organization?.contains(where: { !$0.isWhitespace }) == true else { return needsOrgPolicy }
        return policies[ticket.plan] ?? SLAPolicy(name: ticket.plan.rawValue, targets: [:], unprioritized: nil)
    }

    /// The ticket's first-response target, or nil when its policy gives none (free, no priority...).
    public func target(for ticket: Ticket) -> SLATarget? {
        let policy = policy(for: ticket)
        guard let priority = ticket.priority else { return policy.unprioritized }
        return policy.targets[priority]
    }

    /// The schedule a target is counted on; `calendar` (and any name not configured) is 24x7.
    /// `problems()` reports names that are not configured.
    public func schedule(named name: String) -> BusinessSchedule {
        schedules[name] ?? .calendar
    }

    /// The computed FRT deadline: created_at plus the target counted on its schedule (ignores the source's).
    public func computedDeadline(for ticket: Ticket) -> Date? {
        guard let target = target(for: ticket) else { return nil }
        return schedule(named: target.schedule).adding(minutes: target.minutes, to: ticket.createdAt)
    }

    /// The ticket's FRT pane item, or nil when it is not waiting for a first reply or has no SLA.
    /// A source-supplied deadline wins; a paused SLA has no countdown.
    public func frtItem(for ticket: Ticket) -> FRTItem? {
        guard ticket.awaitsFirstReply else { return nil }
        let policy = policy(for: ticket)
        let deadline = ticket.slaBreachAt ?? computedDeadline(for: ticket)
        guard deadline != nil else { return nil }
        if ticket.slaPaused { return FRTItem(ticket: ticket, deadline: nil, paused: true, policy: policy.name) }
        return FRTItem(ticket: ticket, deadline: deadline, paused: false, policy: policy.name)
    }

    /// The escalation's respond-by: announced_at plus the urgency's target in calendar minutes
    /// (`unknown` falls back to `not-urgent`'s, then to 2 h).
    public func respondBy(for escalation: Escalation) -> Date {
        let minutes = escalationMinutes[escalation.urgency] ?? escalationMinutes[.notUrgent] ?? 120
        return escalation.announcedAt.addingTimeInterval(min(Double(minutes) * 60, BusinessSchedule.maximumSeconds))
    }

    /// What is wrong with this configuration, one line each naming the key: unknown time zones, schedule
    /// names no target can find, intervals out of range. Empty when it is usable.
    public func problems() -> [String] {
        var found: [String] = []
        for (name, schedule) in schedules.sorted(by: { $0.key < $1.key }) {
            if TimeZone(identifier: schedule.timeZone) == nil {
                found.append("schedules.\(name).time_zone: unknown time zone '\(schedule.timeZone)'")
            }
            if !schedule.alwaysOpen && schedule.week.count != 7 {
                found.append("schedules.\(name).week: needs 7 days (Sunday first), got \(schedule.week.count)")
            }
            for (index, day) in schedule.week.enumerated() {
                for interval in day
                where interval.startMinute < 0 || interval.endMinute > 1440
                    || interval.startMinute >= interval.endMinute
                {
                    found.append(
                        "schedules.\(name).week[\(index)]: interval \(interval.startMinute)-\(interval.endMinute) "
                            + "must be within 0-1440 minutes and end after it starts")
                }
            }
            for holiday in schedule.holidays {
                if case .fixed(let month, let day) = holiday, !(1...12).contains(month) || !(1...31).contains(day) {
                    found.append("schedules.\(name).holidays: no such date \(month)/\(day)")
                }
            }
        }
        var named: [(String, SLAPolicy)] = policies.map { ("policies.\($0.key.rawValue)", $0.value) }
        named.append(("needs_org", needsOrgPolicy))
        for (key, policy) in named.sorted(by: { $0.0 < $1.0 }) {
            let targets =
                policy.targets.map { ($0.key.rawValue, $0.value) }
                + (policy.unprioritized.map { [("unprioritized", $0)] } ?? [])
            for (priority, target) in targets.sorted(by: { $0.0 < $1.0 }) {
                if target.schedule != "calendar" && schedules[target.schedule] == nil {
                    found.append("\(key).\(priority).schedule: no schedule named '\(target.schedule)'")
                }
                if target.minutes <= 0 { found.append("\(key).\(priority).minutes: must be positive") }
            }
        }
        if schedules[upgrades.supportHoursSchedule] == nil && upgrades.supportHoursSchedule != "calendar" {
            found.append("upgrades.support_hours_schedule: no schedule named '\(upgrades.supportHoursSchedule)'")
        }
        return found
    }
}
