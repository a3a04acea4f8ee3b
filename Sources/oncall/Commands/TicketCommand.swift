import ArgumentParser
import Foundation
import OnCallRules

/// `oncall ticket add|reply`.
struct TicketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Add a ticket waiting for a first reply, or record its first reply.",
        subcommands: [Add.self, Reply.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a Zendesk ticket to the FRT watch.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Zendesk ticket number.", transform: Parse.id) var id: Int64
        @Option(help: "Subject.", transform: Parse.text) var subject: String
        @Option(help: "urgent, high, normal or low.") var priority: TicketPriority
        @Option(help: "When it was created (ISO-8601).", transform: Parse.time) var created: Date
        @Option(help: "Organization (none = Needs Org).", transform: Parse.text) var org: String?
        @Option(help: "priority, standard, licensing, us-federal or free.") var plan: Plan = .priority
        @Option(help: "AMER, EMEA or APAC.") var region: Region?
        @Option(help: "A deadline supplied by the source (wins over the computed one).", transform: Parse.time)
        var breachAt: Date?
        @Option(help: "Ticket form name, as the SLA policies match it (emergencies, licensing, billing...).", transform: Parse.text)
        var form: String?
        @Option(help: "A Zendesk tag (repeatable), e.g. missing_sla_tag or consumption_only.", transform: Parse.text)
        var tag: [String] = []
        @Option(help: "Ticket stage, e.g. needs-org or needs-triage (default: Needs Org without --org).", transform: Parse.text)
        var stage: String?

        func run() throws {
            try perform(global) { context in
                guard created <= context.now.addingTimeInterval(24 * 3600) else {
                    throw CLIError("--created \(ISOTime.format(created)) is in the future")
                }
                return .addTicket(
                    Ticket(
                        id: id, subject: subject, organization: org, plan: plan, priority: priority, status: .new,
                        createdAt: created, region: region, slaBreachAt: breachAt, form: form, tags: tag,
                        stage: stage.map(Ticket.normalizedStage)))
            }
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the first public reply (the ticket leaves the FRT pane).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket number.", transform: Parse.id) var id: Int64
        @Option(help: "When the reply was sent (default now).", transform: Parse.time) var at: Date?

        func run() throws { try perform(global) { _ in .replyTicket(id: id, at: at) } }
    }
}

