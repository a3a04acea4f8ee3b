import Foundation

extension CommandRules {
    func emergency(_ id: Int64) throws -> Emergency {
        guard let emergency = try records.emergency(id) else { throw RuleError.notFound(RecordRef(.emergency, id)) }
        return emergency
    }

    /// The emergency, still open; otherwise why not.
    func openEmergency(_ id: Int64) throws -> Emergency {
        let emergency = try emergency(id)
        guard emergency.state.isOpen else {
            let at = emergency.resolvedAt.map { " at \(time($0))" } ?? ""
            throw RuleError.refused("emergency \(id) is already resolved\(at)")
        }
        return emergency
    }

    func emergencyEvent(_ verb: String, _ id: Int64, _ before: String, _ after: String, note: String? = nil)
        -> AuditEvent
    {
        audit("emergency.\(verb)", RecordRef(.emergency, id), before: before, after: after, note: note)
    }

    /// Adds an emergency numbered with its ticket; when an imported incident already has that number, the
    /// next free number (the ticket stays an attribute, so the ticket still names it).
    func addEmergency(_ emergency: Emergency) throws -> Outcome {
        guard emergency.id > 0 else { throw RuleError.invalid("--ticket: an emergency number must be positive") }
        var emergency = emergency
        if let existing = try records.emergency(emergency.id) {
            guard existing.ticket != emergency.ticket, existing.incidentId != nil else {
                throw RuleError.refused("emergency \(emergency.id) already exists")
            }
            emergency.id = try records.nextId(.emergency)
        }
        emergency.title = try required(emergency.title, "--title: an emergency needs a title")
        emergency.customer = try optional(emergency.customer, "--customer: a customer name cannot be blank")
        emergency.engineer = try optional(emergency.engineer, "--engineer: an engineer name cannot be blank")
        emergency.lead = try optional(emergency.lead, "--lead: a manager name cannot be blank")
        emergency.serviceName = try optional(emergency.serviceName, "--service: a PagerDuty service cannot be blank")
        let after = "state=\(emergency.state.rawValue) engineer=\(emergency.engineer ?? "none")"
        return one(
            .emergency(emergency),
            audit("emergency.add", RecordRef(.emergency, emergency.id), before: nil, after: after),
            "emergency \(emergency.id) added"
                + (emergency.ticket.map { $0 == emergency.id ? "" : " for ticket \($0)" } ?? ""))
    }

    func acknowledgeEmergency(_ id: Int64, engineer: String?) throws -> Outcome {
        let given = try optional(engineer, "--engineer: an engineer name cannot be blank")
        var emergency = try openEmergency(id)
        guard emergency.state == .triggered else {
            let by = emergency.engineer.map { " by \($0)" } ?? ""
            let at = emergency.engineerAcknowledgedAt.map { " at \(time($0))" } ?? ""
            throw RuleError.refused("emergency \(id) is already acknowledged\(by)\(at)")
        }
        guard let engineer = given ?? emergency.engineer else {
            throw RuleError.invalid("--engineer: emergency \(id) has no engineer; name who acknowledged the page")
        }
        let before = "state=triggered engineer=\(emergency.engineer ?? "none")"
        emergency.state = .acknowledged
        emergency.engineer = engineer
        emergency.engineerAcknowledgedAt = now
        return one(
            .emergency(emergency), emergencyEvent("ack", id, before, "state=acknowledged engineer=\(engineer)"),
            "emergency \(id) acknowledged by \(engineer)")
    }

    func leadEmergency(_ id: Int64) throws -> Outcome {
        var emergency = try openEmergency(id)
        if emergency.lead == actor { throw RuleError.refused("emergency \(id) is already led by \(actor)") }
        let before = "lead=\(emergency.lead ?? "none")"
        emergency.lead = actor
        return one(
            .emergency(emergency), emergencyEvent("lead", id, before, "lead=\(actor)"),
            "\(actor) leads emergency \(id)")
    }

    func staffEmergency(_ id: Int64, engineer: String) throws -> Outcome {
        let engineer = try required(engineer, "--engineer: staffing needs the engineer's name")
        var emergency = try openEmergency(id)
        if emergency.engineer == engineer {
            throw RuleError.refused("\(engineer) is already the engineer on emergency \(id)")
        }
        let before = "engineer=\(emergency.engineer ?? "none")"
        emergency.engineer = engineer
        return one(
            .emergency(emergency), emergencyEvent("staff", id, before, "engineer=\(engineer)"),
            "emergency \(id): engineer \(engineer)")
    }

    /// Hands the lead to `to`, or by default to the next manager on the rota (covers respected).
    func handOffEmergency(_ id: Int64, to: String?, note: String) throws -> Outcome {
        let note = try required(note, "--note: a hand-off needs a note")
        let named = try optional(to, "--to: the manager to hand off to cannot be blank")
        var emergency = try openEmergency(id)
        let target: String
        if let named {
            target = named
        } else {
            let rota = Rota(
                try records.rota(from: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(8 * 86_400)))
            guard let next = rota.nextManager(after: now) else {
                let after = rota.stintEnd(after: now) ?? now
                throw RuleError.refused("no next manager on the rota after \(time(after)): name one with --to")
            }
            target = next.name
        }
        if emergency.lead == target {
            throw RuleError.refused("\(target) already leads emergency \(id); hand off to someone else with --to")
        }
        let before = "lead=\(emergency.lead ?? "none")"
        emergency.handoffs.append(Handoff(from: emergency.lead, to: target, at: now, note: note))
        emergency.lead = target
        return one(
            .emergency(emergency), emergencyEvent("handoff", id, before, "lead=\(target)", note: note),
            "emergency \(id) handed off to \(target)")
    }

    func resolveEmergency(_ id: Int64) throws -> Outcome {
        var emergency = try openEmergency(id)
        let before = "state=\(emergency.state.rawValue)"
        emergency.state = .resolved
        emergency.resolvedAt = now
        return one(
            .emergency(emergency), emergencyEvent("resolve", id, before, "state=resolved"), "emergency \(id) resolved")
    }

    func flagEmergency(_ id: Int64, compromised: Bool) throws -> Outcome {
        var emergency = try openEmergency(id)
        guard emergency.compromised != compromised else {
            throw RuleError.refused(
                "emergency \(id) is \(compromised ? "already" : "not") flagged as a compromised instance")
        }
        emergency.compromised = compromised
        return one(
            .emergency(emergency),
            emergencyEvent("flag", id, "compromised=\(!compromised)", "compromised=\(compromised)"),
            compromised
                ? "emergency \(id) flagged as a compromised instance: join before any call is offered"
                : "emergency \(id) no longer flagged as a compromised instance")
    }

    /// Ticks (or unticks) one recovery step; only on an emergency flagged compromised.
    func tickChecklist(_ id: Int64, item: String, done: Bool) throws -> Outcome {
        let itemId = item.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let step = CompromisedChecklist.item(itemId) else {
            let known = CompromisedChecklist.items.map(\.id).joined(separator: ", ")
            throw RuleError.invalid("unknown checklist item '\(item)': one of \(known)")
        }
        var emergency = try emergency(id)
        guard emergency.compromised else {
            throw RuleError.refused("emergency \(id) is not flagged as a compromised instance; flag it first")
        }
        let isDone = emergency.checklistDone.contains(step.id)
        guard isDone != done else {
            throw RuleError.refused(
                "checklist item \(step.id) on emergency \(id) is already \(done ? "ticked" : "unticked")")
        }
        let doneSet = Set(emergency.checklistDone.filter { $0 != step.id } + (done ? [step.id] : []))
        emergency.checklistDone = CompromisedChecklist.items.map(\.id).filter(doneSet.contains)
        return one(
            .emergency(emergency),
            emergencyEvent(
                "checklist", id, "\(step.id)=\(isDone ? "done" : "open")", "\(step.id)=\(done ? "done" : "open")"),
            "emergency \(id): \(step.title) \(done ? "done" : "reopened")")
    }
}
