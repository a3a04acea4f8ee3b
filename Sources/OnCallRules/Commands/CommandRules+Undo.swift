import Foundation

/// The commands that take back an acknowledgement, an assignment, a lead or an engineer. Each is a new,
/// audited change (the audit trail keeps both the mistake and its correction); nothing is deleted.
extension CommandRules {
    func unacknowledgeEscalation(_ id: Int64) throws -> Outcome {
        var escalation = try openEscalation(id)
        guard escalation.state == .acknowledged else {
            throw RuleError.refused(
                "escalation \(id) is \(escalation.state.rawValue), not acknowledged; only an acknowledgement "
                    + "can be taken back"
                    + (escalation.state == .assigned ? " (unassign it first)" : ""))
        }
        if let by = escalation.acknowledgedBy, by != actor {
            throw RuleError.refused(
                "escalation \(id) was acknowledged by \(by), not by \(actor); only your own acknowledgement "
                    + "can be taken back")
        }
        let before = Self.summary(escalation)
        escalation.state = .new
        escalation.acknowledgedBy = nil
        escalation.acknowledgedAt = nil
        return one(
            .escalation(escalation),
            audit("escalation.unack", RecordRef(.escalation, id), before: before, after: Self.summary(escalation)),
            "escalation \(id) is new again (acknowledgement by \(actor) taken back)")
    }

    func unassignEscalation(_ id: Int64) throws -> Outcome {
        var escalation = try openEscalation(id)
        guard escalation.state == .assigned else {
            throw RuleError.refused("escalation \(id) is \(escalation.state.rawValue), not assigned")
        }
        let before = Self.summary(escalation)
        let owner = escalation.owner ?? "nobody"
        escalation.state = .acknowledged
        escalation.owner = nil
        return one(
            .escalation(escalation),
            audit(
                "escalation.unassign", RecordRef(.escalation, id), before: before, after: Self.summary(escalation)),
            "escalation \(id) no longer assigned to \(owner) (acknowledged)")
    }

    func unacknowledgeEmergency(_ id: Int64) throws -> Outcome {
        var emergency = try openEmergency(id)
        guard emergency.state == .acknowledged else {
            throw RuleError.refused("emergency \(id) is not acknowledged; there is no acknowledgement to take back")
        }
        let before = "state=acknowledged engineer=\(emergency.engineer ?? "none")"
        emergency.state = .triggered
        emergency.engineerAcknowledgedAt = nil
        return one(
            .emergency(emergency),
            emergencyEvent("unack", id, before, "state=triggered engineer=\(emergency.engineer ?? "none")"),
            "emergency \(id) is unacknowledged again (paged at \(time(emergency.pagedAt)))")
    }

    func releaseLead(_ id: Int64, restoring: String?) throws -> Outcome {
        let restoring = try optional(restoring, "--restore: the manager to give the lead back to cannot be blank")
        var emergency = try openEmergency(id)
        guard emergency.lead == actor else {
            let who = emergency.lead.map { "is led by \($0)" } ?? "has no lead"
            throw RuleError.refused("emergency \(id) \(who), not by \(actor); only the lead can give it back")
        }
        if restoring == actor { throw RuleError.refused("\(actor) already leads emergency \(id)") }
        let before = "lead=\(actor)"
        emergency.lead = restoring
        return one(
            .emergency(emergency), emergencyEvent("unlead", id, before, "lead=\(restoring ?? "none")"),
            restoring.map { "emergency \(id): lead given back to \($0)" }
                ?? "emergency \(id): \(actor) no longer leads it (no lead)")
    }

    func unstaffEmergency(_ id: Int64) throws -> Outcome {
        var emergency = try openEmergency(id)
        guard let engineer = emergency.engineer else {
            throw RuleError.refused("emergency \(id) has no engineer to take off")
        }
        emergency.engineer = nil
        return one(
            .emergency(emergency), emergencyEvent("unstaff", id, "engineer=\(engineer)", "engineer=none"),
            "emergency \(id): engineer \(engineer) taken off")
    }
}
