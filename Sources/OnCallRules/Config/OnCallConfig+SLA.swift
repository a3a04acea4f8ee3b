import Foundation

extension OnCallConfig {
    /// The policy that applies to a ticket: the first in `policyOrder` whose conditions hold, as in Zendesk.
    /// None matching gives no SLA (an empty policy named "No policy").
    public func policy(for ticket: Ticket) -> SLAPolicy {
        for key in policyOrder {
            if let policy = policies[key], policy.matches(ticket) { return policy }
        }
        return SLAPolicy(name: "No policy", targets: [:], unprioritized: nil)
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

    /// The name of the schedule the ticket's target counts on: the policy's schedule for the ticket's region
    /// when it has one, else the target's.
    public func scheduleName(for ticket: Ticket, target: SLATarget, policy: SLAPolicy) -> String {
        if let region = ticket.region, let name = policy.regionSchedules[region] { return name }
        return target.schedule
    }

    /// The computed FRT deadline: created_at plus the target counted on its schedule (ignores the source's).
    public func computedDeadline(for ticket: Ticket) -> Date? {
        let policy = policy(for: ticket)
        guard let target = target(for: ticket) else { return nil }
        let clock = schedule(named: scheduleName(for: ticket, target: target, policy: policy))
        return target.deadline(from: ticket.createdAt, on: clock)
    }

    /// The ticket's FRT pane item, or nil when it is not waiting for a first reply or has no SLA.
    /// A source-supplied deadline wins (DOMAIN.md §0: the deadline Zendesk shows); the computed one is kept
    /// beside it so a difference shows that the local policy config is out of date. A paused SLA has no
    /// countdown.
    public func frtItem(for ticket: Ticket) -> FRTItem? {
        guard ticket.awaitsFirstReply else { return nil }
        let policy = policy(for: ticket)
        let computed = computedDeadline(for: ticket)
        let source: DeadlineSource = ticket.slaBreachAt != nil || ticket.slaPaused ? .zendesk : .computed
        let deadline = ticket.slaBreachAt ?? computed
        guard deadline != nil else { return nil }
        if ticket.slaPaused {
            return FRTItem(
                ticket: ticket, deadline: nil, paused: true, policy: policy.name, source: source,
                computedDeadline: computed)
        }
        return FRTItem(
            ticket: ticket, deadline: deadline, paused: false, policy: policy.name, source: source,
            computedDeadline: computed)
    }

    /// The escalation's respond-by: announced_at plus the urgency's target counted on `escalationSchedule`
    /// (`unknown` falls back to `not-urgent`'s, then to 2 h). On the 24x5 support hours an escalation
    /// announced Friday 16:50 Pacific with 2 h is due Sunday 16:50.
    public func respondBy(for escalation: Escalation) -> Date {
        let minutes = escalationMinutes[escalation.urgency] ?? escalationMinutes[.notUrgent] ?? 120
        return schedule(named: escalationSchedule).adding(minutes: minutes, to: escalation.announcedAt)
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
            for (date, day) in schedule.dates.sorted(by: { $0.key < $1.key }) {
                for interval in day
                where interval.startMinute < 0 || interval.endMinute > 1440
                    || interval.startMinute >= interval.endMinute
                {
                    let civil = CivilDate(daysSinceEpoch: date)
                    found.append(
                        "schedules.\(name).dates.\(civil.year)-\(civil.month)-\(civil.day): interval "
                            + "\(interval.startMinute)-\(interval.endMinute) must be within 0-1440 minutes")
                }
            }
        }
        for key in policyOrder where policies[key] == nil {
            found.append("policy_order: no policy named '\(key)'")
        }
        for key in policies.keys.sorted() where !policyOrder.contains(key) {
            found.append("policies.\(key): not in policy_order, so never tried")
        }
        let named: [(String, SLAPolicy)] = policies.map { ("policies.\($0.key)", $0.value) }
        for (key, policy) in named.sorted(by: { $0.0 < $1.0 }) {
            for (region, name) in policy.regionSchedules.sorted(by: { $0.key.rawValue < $1.key.rawValue })
            where name != "calendar" && schedules[name] == nil {
                found.append("\(key).region_schedules.\(region.rawValue): no schedule named '\(name)'")
            }
            let targets =
                policy.targets.map { ($0.key.rawValue, $0.value) }
                + (policy.unprioritized.map { [("unprioritized", $0)] } ?? [])
            for (priority, target) in targets.sorted(by: { $0.0 < $1.0 }) {
                if target.schedule != "calendar" && schedules[target.schedule] == nil {
                    found.append("\(key).\(priority).schedule: no schedule named '\(target.schedule)'")
                }
                if target.amount <= 0 {
                    found.append("\(key).\(priority).\(target.unit.rawValue): must be positive")
                }
            }
        }
        if schedules[escalationSchedule] == nil && escalationSchedule != "calendar" {
            found.append("escalation_schedule: no schedule named '\(escalationSchedule)'")
        }
        if schedules[upgrades.supportHoursSchedule] == nil && upgrades.supportHoursSchedule != "calendar" {
            found.append("upgrades.support_hours_schedule: no schedule named '\(upgrades.supportHoursSchedule)'")
        }
        return found
    }
}
