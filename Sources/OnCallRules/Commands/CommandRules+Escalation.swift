import Foundation

extension CommandRules {
    /// `state=new`, `state=acknowledged by alice`, `state=assigned owner=bob`, `state=resolved`, `state=rejected`.
    static func summary(_ e: Escalation) -> String {
        switch e.state {
        case .new: "state=new"
        case .acknowledged: "state=acknowledged by \(e.acknowledgedBy ?? "unknown")"
        case .assigned: "state=assigned owner=\(e.owner ?? "none")"
        case .resolved: "state=resolved" + (e.labels.isEmpty ? "" : " labels=\(e.labels.joined(separator: ","))")
        case .rejected: "state=rejected"
        }
    }

    /// The escalation, open; otherwise why not.
    func openEscalation(_ id: Int64) throws -> Escalation {
        guard let escalation = try records.escalation(id) else { throw RuleError.notFound(RecordRef(.escalation, id)) }
        guard escalation.state.isOpen else {
            throw RuleError.refused(
                "escalation \(id) is \(escalation.state.rawValue); resolved and rejected escalations are final")
        }
        return escalation
    }

    func addEscalation(_ escalation: Escalation) throws -> Outcome {
        if try records.escalation(escalation.id) != nil {
            throw RuleError.refused("escalation \(escalation.id) already exists")
        }
        guard escalation.id > 0 else { throw RuleError.invalid("--id: an escalation number must be positive") }
        var escalation = escalation
        escalation.title = try required(escalation.title, "--title: an escalation needs a title")
        escalation.customer = try optional(escalation.customer, "--customer: a customer name cannot be blank")
        return one(
            .escalation(escalation),
            audit(
                "escalation.add", RecordRef(.escalation, escalation.id), before: nil,
                after: Self.summary(escalation) + " urgency=\(escalation.urgency.rawValue)"),
            "escalation \(escalation.id) added (\(escalation.urgency.rawValue))")
    }

    func acknowledgeEscalation(_ id: Int64) throws -> Outcome {
        var escalation = try openEscalation(id)
        guard escalation.state == .new else {
            if let by = escalation.acknowledgedBy {
                let at = escalation.acknowledgedAt.map { " at \(time($0))" } ?? ""
                throw RuleError.refused("escalation \(id) is already acknowledged by \(by)\(at)")
            }
            throw RuleError.refused("escalation \(id) is already \(escalation.state.rawValue)")
        }
        let before = Self.summary(escalation)
        escalation.state = .acknowledged
        escalation.acknowledgedBy = actor
        escalation.acknowledgedAt = now
        return one(
            .escalation(escalation),
            audit("escalation.ack", RecordRef(.escalation, id), before: before, after: Self.summary(escalation)),
            "escalation \(id) acknowledged by \(actor)")
    }

    func assignEscalation(_ id: Int64, owner: String) throws -> Outcome {
        let owner = try required(owner, "--to: an assignment needs the owner's name")
        var escalation = try openEscalation(id)
        if escalation.state == .assigned && escalation.owner == owner {
            throw RuleError.refused("escalation \(id) is already assigned to \(owner)")
        }
        let before = Self.summary(escalation)
        if escalation.state == .new {
            escalation.acknowledgedBy = actor
            escalation.acknowledgedAt = now
        }
        escalation.state = .assigned
        escalation.owner = owner
        return one(
            .escalation(escalation),
            audit("escalation.assign", RecordRef(.escalation, id), before: before, after: Self.summary(escalation)),
            "escalation \(id) assigned to \(owner)")
    }

    func resolveEscalation(_ id: Int64, labels: [String], comment: String?) throws -> Outcome {
        let comment = try optional(comment, "--comment: a resolution comment cannot be blank")
        var escalation = try openEscalation(id)
        guard escalation.state != .new else {
            throw RuleError.refused("escalation \(id) is new; acknowledge or assign it before resolving it")
        }
        let before = Self.summary(escalation)
        for label in labels {
            let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty else { throw RuleError.invalid("--label: a label cannot be blank") }
            if !escalation.labels.contains(label) { escalation.labels.append(label) }
        }
        escalation.state = .resolved
        escalation.resolutionComment = comment
        escalation.closedAt = now
        return one(
            .escalation(escalation),
            audit(
                "escalation.resolve", RecordRef(.escalation, id), before: before, after: Self.summary(escalation),
                note: comment),
            "escalation \(id) resolved")
    }

    func rejectEscalation(_ id: Int64, reason: String) throws -> Outcome {
        let reason = try required(reason, "--reason: a rejection needs a reason")
        var escalation = try openEscalation(id)
        let before = Self.summary(escalation)
        escalation.state = .rejected
        escalation.rejectionReason = reason
        escalation.closedAt = now
        return one(
            .escalation(escalation),
            audit(
                "escalation.reject", RecordRef(.escalation, id), before: before, after: Self.summary(escalation),
                note: reason),
            "escalation \(id) rejected: \(reason)")
    }

    /// The handbook's manual PagerDuty trigger: an emergency for the escalation's ticket, linked both ways,
    /// and the page to send once committed.
    func triggerEmergency(fromEscalation id: Int64, service: String? = nil) throws -> Outcome {
        var escalation = try openEscalation(id)
        guard let ticket = escalation.ticket else {
            throw RuleError.refused(
                "escalation \(id) has no ticket number; an emergency is titled with its Zendesk ticket number")
        }
        let named = try records.emergencies(ticket: ticket)
        if let open = named.first(where: { $0.state.isOpen }) {
            throw RuleError.refused("emergency \(open.id) is already open for ticket \(ticket)")
        }
        if let existing = named.last {
            let when = existing.resolvedAt.map { " at \(time($0))" } ?? ""
            throw RuleError.refused(
                "ticket \(ticket) already had an emergency (resolved\(when)); a new emergency needs a new ticket")
        }
        // Numbered with the ticket unless an imported incident has that number already.
        let number = try records.emergency(ticket) == nil ? ticket : records.nextId(.emergency)
        let impacted = service ?? config.pagerduty.impactedService
        let emergency = Emergency(
            id: number, ticket: ticket, title: escalation.title, customer: escalation.customer, pagedAt: now,
            state: .triggered, escalationId: id, serviceName: impacted)
        let before = "emergency=none"
        escalation.emergencyId = number
        let page = OutboundPage(
            summary: String(ticket), dedupKey: "oncall-emergency-\(ticket)",
            impactedService: impacted, assignTo: config.pagerduty.assignTo, emergencyId: number)
        return Outcome(
            changes: [.escalation(escalation), .emergency(emergency)],
            audit: [
                audit("escalation.trigger", RecordRef(.escalation, id), before: before, after: "emergency=\(number)"),
                audit(
                    "emergency.trigger", RecordRef(.emergency, number), before: nil,
                    after: "state=triggered escalation=\(id) service=\(impacted)"),
            ],
            message: "emergency \(number) triggered from escalation \(escalation.number) "
                + "(Impacted Service: \(page.impactedService); Assign to: \(page.assignTo); Title: \(ticket))",
            effects: [.page(page)])
    }
}
