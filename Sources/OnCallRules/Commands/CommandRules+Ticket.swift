import Foundation

extension CommandRules {
    func addTicket(_ ticket: Ticket) throws -> Outcome {
        if try records.ticket(ticket.id) != nil { throw RuleError.refused("ticket \(ticket.id) already exists") }
        guard ticket.id > 0 else { throw RuleError.invalid("--id: a ticket number must be positive") }
        var ticket = ticket
        ticket.subject = try required(ticket.subject, "--subject: a ticket needs a subject")
        ticket.organization = try optional(ticket.organization, "--org: an organization name cannot be blank")
        if let reply = ticket.firstReplyAt, reply < ticket.createdAt {
            throw RuleError.invalid("ticket \(ticket.id): first reply \(time(reply)) is before it was created")
        }
        let after =
            "status=\(ticket.status.rawValue) plan=\(ticket.plan.rawValue) "
            + "priority=\(ticket.priority?.rawValue ?? "none")"
        return one(
            .ticket(ticket), audit("ticket.add", RecordRef(.ticket, ticket.id), before: nil, after: after),
            "ticket \(ticket.id) added")
    }

    func replyTicket(_ id: Int64, at: Date?) throws -> Outcome {
        guard var ticket = try records.ticket(id) else { throw RuleError.notFound(RecordRef(.ticket, id)) }
        if let replied = ticket.firstReplyAt {
            throw RuleError.refused("ticket \(id) already has a first reply at \(time(replied))")
        }
        let at = at ?? now
        if at < ticket.createdAt {
            throw RuleError.invalid(
                "--at: ticket \(id) was created at \(time(ticket.createdAt)), a reply cannot be earlier")
        }
        ticket.firstReplyAt = at
        return one(
            .ticket(ticket),
            audit("ticket.reply", RecordRef(.ticket, id), before: "first_reply=none", after: "first_reply=\(time(at))"),
            "ticket \(id): first reply at \(time(at))")
    }
}
