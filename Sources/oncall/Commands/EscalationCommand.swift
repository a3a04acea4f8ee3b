import ArgumentParser
import Foundation
import OnCallRules

/// `oncall escalation add|ack|assign|resolve|reject|trigger`: the escalation queue's verbs.
struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation", abstract: "Work the support escalation queue.",
        subcommands: [
            Add.self, Ack.self, Unack.self, Assign.self, Unassign.self, Resolve.self, Reject.self, Trigger.self,
        ])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an escalation announced in #support_escalations.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Escalation tracker issue number.", transform: Parse.id) var id: Int64
        @Option(help: "Zendesk ticket number.", transform: Parse.id) var ticket: Int64
        @Option(help: "not-urgent, timely or urgent.") var urgency: Urgency
        @Option(help: "Title.", transform: Parse.text) var title: String
        @Option(help: "Customer (organization).", transform: Parse.text) var customer: String?
        @Option(help: "When it was announced (default now).", transform: Parse.time) var at: Date?

        func run() throws {
            try perform(global) { context in
                .addEscalation(
                    Escalation(
                        id: id, ticket: ticket, title: title, customer: customer, urgency: urgency,
                        announcedAt: at ?? context.now))
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge (the :eyes: emoji).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        func run() throws { try perform(global) { context in .acknowledgeEscalation(id: try escalation.resolve(context)) } }
    }

    struct Unack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back your own acknowledgement (acknowledged -> new; audited).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        func run() throws { try perform(global) { context in .unacknowledgeEscalation(id: try escalation.resolve(context)) } }
    }

    struct Unassign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take the owner off (assigned -> acknowledged; audited).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        func run() throws { try perform(global) { context in .unassignEscalation(id: try escalation.resolve(context)) } }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign an owner (acknowledges a new escalation too).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        @Option(help: "The engineer who owns it.", transform: Parse.text) var to: String
        func run() throws { try perform(global) { context in .assignEscalation(id: try escalation.resolve(context), owner: to) } }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve: the correct next step is identified and underway.",
            discussion: "Labels such as Escalation::License-Issue or Escalation::Response-Time help track trends.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        @Option(name: .customLong("label"), help: "A label to apply (repeatable).", transform: Parse.text) var labels: [String] = []
        @Option(help: "A closing comment.", transform: Parse.text) var comment: String?
        func run() throws { try perform(global) { context in .resolveEscalation(id: try escalation.resolve(context), labels: labels, comment: comment) } }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject (de-escalate): it does not meet the threshold.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        @Option(help: "Why (required).", transform: Parse.text) var reason: String
        func run() throws { try perform(global) { context in .rejectEscalation(id: try escalation.resolve(context), reason: reason) } }
    }

    struct Trigger: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trigger a customer emergency for the escalation's ticket (the manual PagerDuty trigger).",
            discussion: """
                Creates the emergency locally and links it to the escalation. PagerDuty fields: Impacted Service \
                "Customer Support" (or --service), Assign to "Customer Emergency Rotation", Title = the Zendesk ticket number. When \
                the routing-key environment variable named in the config is set, the event is also sent to the \
                PagerDuty Events API v2 (`pagerduty.events_url`). A failure to send is reported on stderr, the \
                local emergency is kept, and the command exits 5 (recorded but not paged): trigger it by hand.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var escalation: EscalationAddress
        @Option(
            help: ArgumentHelp(
                "The PagerDuty service paged, by name or id (default: pagerduty.impacted_service); it picks the "
                    + "missed-page tiers (emergency.services)."), transform: Parse.text)
        var service: String?
        func run() throws {
            try perform(global) { context in
                .triggerEmergency(escalationId: try escalation.resolve(context), service: service)
            }
        }
    }
}
