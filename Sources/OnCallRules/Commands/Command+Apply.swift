import Foundation

extension Command {
    /// Validates the command against the current records and returns what to write, or throws why not.
    /// Every accepted command writes one audit event per changed record; refusals change nothing.
    public func apply(to records: some RecordLookup, actor: String, now: Date, config: OnCallConfig) throws -> Outcome {
        let actor = actor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actor.isEmpty else { throw RuleError.invalid("--as: the actor needs a name") }
        let rules = CommandRules(records: records, actor: actor, now: now, config: config)
        switch self {
        case .addTicket(let ticket): return try rules.addTicket(ticket)
        case .replyTicket(let id, let at): return try rules.replyTicket(id, at: at)

        case .addEscalation(let escalation): return try rules.addEscalation(escalation)
        case .acknowledgeEscalation(let id): return try rules.acknowledgeEscalation(id)
        case .assignEscalation(let id, let owner): return try rules.assignEscalation(id, owner: owner)
        case .resolveEscalation(let id, let labels, let comment):
            return try rules.resolveEscalation(id, labels: labels, comment: comment)
        case .rejectEscalation(let id, let reason): return try rules.rejectEscalation(id, reason: reason)
        case .triggerEmergency(let id, let service): return try rules.triggerEmergency(fromEscalation: id, service: service)
        case .unacknowledgeEscalation(let id): return try rules.unacknowledgeEscalation(id)
        case .unassignEscalation(let id): return try rules.unassignEscalation(id)

        case .addEmergency(let emergency): return try rules.addEmergency(emergency)
        case .acknowledgeEmergency(let id, let engineer): return try rules.acknowledgeEmergency(id, engineer: engineer)
        case .leadEmergency(let id): return try rules.leadEmergency(id)
        case .staffEmergency(let id, let engineer): return try rules.staffEmergency(id, engineer: engineer)
        case .handOffEmergency(let id, let to, let note): return try rules.handOffEmergency(id, to: to, note: note)
        case .resolveEmergency(let id): return try rules.resolveEmergency(id)
        case .flagEmergency(let id, let compromised): return try rules.flagEmergency(id, compromised: compromised)
        case .tickChecklist(let id, let item, let done): return try rules.tickChecklist(id, item: item, done: done)
        case .unacknowledgeEmergency(let id): return try rules.unacknowledgeEmergency(id)
        case .releaseLead(let id, let restoring): return try rules.releaseLead(id, restoring: restoring)
        case .unstaffEmergency(let id): return try rules.unstaffEmergency(id)

        case .addRota(let entry): return try rules.addRota(entry, kind: .shift)
        case .addCover(let entry): return try rules.addRota(entry, kind: .cover)

        case .addUpgrade(let upgrade): return try rules.addUpgrade(upgrade)
        case .assignUpgrade(let id, let engineer): return try rules.assignUpgrade(id, engineer: engineer)
        case .rescheduleUpgrade(let id, let scheduledAt): return try rules.rescheduleUpgrade(id, to: scheduledAt)
        case .completeUpgrade(let id): return try rules.completeUpgrade(id)

        case .addNotice(let notice): return try rules.addNotice(notice)
        case .clearNotice(let id): return try rules.clearNotice(id)
        }
    }
}

/// The context every command is checked in, and the helpers they share.
struct CommandRules<Records: RecordLookup> {
    let records: Records
    let actor: String
    let now: Date
    let config: OnCallConfig

    func audit(_ verb: String, _ ref: RecordRef, before: String?, after: String?, note: String? = nil) -> AuditEvent {
        AuditEvent(at: now, actor: actor, verb: verb, target: ref, before: before, after: after, note: note)
    }

    /// Trims `value`; empty or whitespace-only is invalid with `why`.
    func required(_ value: String, _ why: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw RuleError.invalid(why) }
        return trimmed
    }

    /// Trims an optional value; given but blank is invalid with `why`.
    func optional(_ value: String?, _ why: String) throws -> String? {
        guard let value else { return nil }
        return try required(value, why)
    }

    func time(_ date: Date) -> String { RuleTime.utc(date, relativeTo: now) }

    func one(_ change: Change, _ event: AuditEvent, _ message: String, effects: [AfterCommit] = []) -> Outcome {
        Outcome(changes: [change], audit: [event], message: message, effects: effects)
    }
}
