import Foundation

/// Every action a manager, a script or the dashboard can take. `apply` validates it against the current
/// records and returns the changes plus audit events, or throws a `RuleError` saying why not.
public enum Command: Sendable, Equatable {
    case addTicket(Ticket)
    case replyTicket(id: Int64, at: Date?)

    case addEscalation(Escalation)
    case acknowledgeEscalation(id: Int64)
    case assignEscalation(id: Int64, owner: String)
    case resolveEscalation(id: Int64, labels: [String], comment: String?)
    case rejectEscalation(id: Int64, reason: String)
    /// The handbook's manual PagerDuty trigger: creates the emergency for the escalation's ticket and links them.
    /// `service`: the PagerDuty service paged (default `pagerduty.impacted_service`); it picks the missed-page tiers.
    case triggerEmergency(escalationId: Int64, service: String? = nil)
    /// Undoes one's own acknowledgement: acknowledged -> new (a new audited event, nothing deleted).
    case unacknowledgeEscalation(id: Int64)
    /// Takes the owner off: assigned -> acknowledged.
    case unassignEscalation(id: Int64)

    case addEmergency(Emergency)
    case acknowledgeEmergency(id: Int64, engineer: String?)
    case leadEmergency(id: Int64)
    case staffEmergency(id: Int64, engineer: String)
    /// `to` nil = the next manager on the rota.
    case handOffEmergency(id: Int64, to: String?, note: String)
    case resolveEmergency(id: Int64)
    case flagEmergency(id: Int64, compromised: Bool)
    case tickChecklist(id: Int64, item: String, done: Bool)
    /// Undoes an engineer's acknowledgement recorded by mistake: acknowledged -> triggered.
    case unacknowledgeEmergency(id: Int64)
    /// Gives back a lead one took: the lead becomes `restoring` (nil = nobody). Only the current lead may.
    case releaseLead(id: Int64, restoring: String?)
    /// Takes the engineer off the emergency.
    case unstaffEmergency(id: Int64)

    case addRota(RotaEntry)
    case addCover(RotaEntry)

    case addUpgrade(UpgradeRequest)
    case assignUpgrade(id: Int64, engineer: String)
    case rescheduleUpgrade(id: Int64, scheduledAt: Date)
    case completeUpgrade(id: Int64)

    case addNotice(Notice)
    case clearNotice(id: Int64)

    /// The record the command acts on, for conflict checks and messages.
    public var target: RecordRef? {
        switch self {
        case .addTicket(let t): RecordRef(.ticket, t.id)
        case .replyTicket(let id, _): RecordRef(.ticket, id)
        case .addEscalation(let e): RecordRef(.escalation, e.id)
        case .acknowledgeEscalation(let id), .assignEscalation(let id, _), .resolveEscalation(let id, _, _),
            .rejectEscalation(let id, _), .triggerEmergency(let id, _), .unacknowledgeEscalation(let id),
            .unassignEscalation(let id):
            RecordRef(.escalation, id)
        case .addEmergency(let e): RecordRef(.emergency, e.id)
        case .acknowledgeEmergency(let id, _), .leadEmergency(let id), .staffEmergency(let id, _),
            .handOffEmergency(let id, _, _), .resolveEmergency(let id), .flagEmergency(let id, _),
            .tickChecklist(let id, _, _), .unacknowledgeEmergency(let id), .releaseLead(let id, _),
            .unstaffEmergency(let id):
            RecordRef(.emergency, id)
        case .addRota, .addCover: nil
        case .addUpgrade(let u): RecordRef(.upgrade, u.id)
        case .assignUpgrade(let id, _), .rescheduleUpgrade(let id, _), .completeUpgrade(let id):
            RecordRef(.upgrade, id)
        case .addNotice: nil
        case .clearNotice(let id): RecordRef(.notice, id)
        }
    }
}
