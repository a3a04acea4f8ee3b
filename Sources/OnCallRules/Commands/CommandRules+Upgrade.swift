import Foundation

extension CommandRules {
    func openUpgrade(_ id: Int64) throws -> UpgradeRequest {
        guard let upgrade = try records.upgrade(id) else { throw RuleError.notFound(RecordRef(.upgrade, id)) }
        guard !upgrade.done else { throw RuleError.refused("upgrade \(id) is already done") }
        return upgrade
    }

    func addUpgrade(_ upgrade: UpgradeRequest) throws -> Outcome {
        if try records.upgrade(upgrade.id) != nil { throw RuleError.refused("upgrade \(upgrade.id) already exists") }
        guard upgrade.id > 0 else { throw RuleError.invalid("--ticket: an upgrade request's ticket must be positive") }
        var upgrade = upgrade
        upgrade.customer = try required(upgrade.customer, "--customer: an upgrade request needs the customer")
        upgrade.engineer = try optional(upgrade.engineer, "--engineer: an engineer name cannot be blank")
        guard upgrade.scheduledAt > upgrade.requestedAt else {
            throw RuleError.invalid(
                "--scheduled: \(time(upgrade.scheduledAt)) is not after the request (\(time(upgrade.requestedAt)))")
        }
        let flags = upgrade.flags(at: now, config: config).map(\.rawValue)
        let after = "scheduled=\(time(upgrade.scheduledAt)) engineer=\(upgrade.engineer ?? "none")"
        return one(
            .upgrade(upgrade), audit("upgrade.add", RecordRef(.upgrade, upgrade.id), before: nil, after: after),
            "upgrade \(upgrade.id) added" + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))"))
    }

    /// Records the previous engineer and when it changed (for `assignee-changed`).
    func assignUpgrade(_ id: Int64, engineer: String) throws -> Outcome {
        let engineer = try required(engineer, "--engineer: an assignment needs the engineer's name")
        var upgrade = try openUpgrade(id)
        if upgrade.engineer == engineer { throw RuleError.refused("upgrade \(id) is already assigned to \(engineer)") }
        let before = "engineer=\(upgrade.engineer ?? "none")"
        upgrade.previousEngineer = upgrade.engineer
        upgrade.engineer = engineer
        upgrade.engineerChangedAt = now
        return one(
            .upgrade(upgrade),
            audit("upgrade.assign", RecordRef(.upgrade, id), before: before, after: "engineer=\(engineer)"),
            "upgrade \(id) assigned to \(engineer)")
    }

    func rescheduleUpgrade(_ id: Int64, to scheduledAt: Date) throws -> Outcome {
        var upgrade = try openUpgrade(id)
        if upgrade.scheduledAt == scheduledAt {
            throw RuleError.refused("upgrade \(id) is already scheduled at \(time(scheduledAt))")
        }
        guard scheduledAt > upgrade.requestedAt else {
            throw RuleError.invalid(
                "--scheduled: \(time(scheduledAt)) is not after the request (\(time(upgrade.requestedAt)))")
        }
        let before = "scheduled=\(time(upgrade.scheduledAt))"
        upgrade.scheduledAt = scheduledAt
        upgrade.rescheduledAt = now
        return one(
            .upgrade(upgrade),
            audit(
                "upgrade.reschedule", RecordRef(.upgrade, id), before: before, after: "scheduled=\(time(scheduledAt))"),
            "upgrade \(id) rescheduled to \(time(scheduledAt))")
    }

    func completeUpgrade(_ id: Int64) throws -> Outcome {
        var upgrade = try openUpgrade(id)
        upgrade.done = true
        return one(
            .upgrade(upgrade), audit("upgrade.done", RecordRef(.upgrade, id), before: "done=false", after: "done=true"),
            "upgrade \(id) done")
    }
}
