import ArgumentParser
import Foundation
import OnCallRules

/// `oncall emergency add|ack|lead|staff|handoff|resolve|flag|check`: the emergencies pane's verbs.
struct EmergencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emergency", abstract: "Follow and lead customer emergencies.",
        subcommands: [
            Add.self, Ack.self, Unack.self, Lead.self, Unlead.self, Staff.self, Unstaff.self, Handoff.self,
            Resolve.self, FlagSpecial.self, Check.self,
        ])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a customer emergency page.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Zendesk ticket number (the emergency's number).", transform: Parse.id) var ticket: Int64
        @Option(help: "Title.", transform: Parse.text) var title: String
        @Option(help: "Customer.", transform: Parse.text) var customer: String?
        @Option(help: "The on-call engineer paged.", transform: Parse.text) var engineer: String?
        @Option(help: "When the page went out (default now).", transform: Parse.time) var pagedAt: Date?
        @Option(
            help: ArgumentHelp(
                "The PagerDuty service paged, by name or id (e.g. \"Customer Support - US Federal\"); it picks the "
                    + "missed-page tiers (emergency.services)."), transform: Parse.text)
        var service: String?

        func run() throws {
            try perform(global) { context in
                .addEmergency(
                    Emergency(
                        id: ticket, ticket: ticket, title: title, customer: customer, pagedAt: pagedAt ?? context.now,
                        engineer: engineer, serviceName: service))
            }
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The engineer acknowledged the page.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        @Option(help: "The engineer who acknowledged (default: the one paged).", transform: Parse.text) var engineer: String?
        func run() throws { try perform(global) { context in .acknowledgeEmergency(id: try emergency.resolve(context), engineer: engineer) } }
    }

    struct Lead: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take the lead of the response.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        func run() throws { try perform(global) { context in .leadEmergency(id: try emergency.resolve(context)) } }
    }

    struct Unack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back an engineer's acknowledgement recorded by mistake (acknowledged -> triggered).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        func run() throws { try perform(global) { context in .unacknowledgeEmergency(id: try emergency.resolve(context)) } }
    }

    struct Unlead: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give back a lead you took (to --restore NAME, else no lead). Only the lead may.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        @Option(help: "The manager who led it before.", transform: Parse.text) var restore: String?
        func run() throws { try perform(global) { context in .releaseLead(id: try emergency.resolve(context), restoring: restore) } }
    }

    struct Unstaff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take the engineer off the emergency.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        func run() throws { try perform(global) { context in .unstaffEmergency(id: try emergency.resolve(context)) } }
    }

    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or replace the engineer working it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        @Option(help: "The engineer.", transform: Parse.text) var engineer: String
        func run() throws { try perform(global) { context in .staffEmergency(id: try emergency.resolve(context), engineer: engineer) } }
    }

    struct Handoff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hand the emergency off to another manager.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        @Option(help: "The manager taking over (default: the next manager on the rota).", transform: Parse.text) var to: String?
        @Option(help: "What the next manager needs to know (required).", transform: Parse.text) var note: String
        func run() throws { try perform(global) { context in .handOffEmergency(id: try emergency.resolve(context), to: to, note: note) } }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve: the customer has been engaged.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        func run() throws { try perform(global) { context in .resolveEmergency(id: try emergency.resolve(context)) } }
    }

    struct FlagSpecial: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "flag",
            abstract: "Flag special handling: `compromised` for a compromised instance (shows the recovery checklist).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        @Argument(help: "The flag: compromised.") var flag: String
        @Flag(help: "Remove the flag instead.") var clear = false

        func run() throws {
            try perform(global) { context in
                guard flag == "compromised" else { throw CLIError("unknown flag '\(flag)': the only flag is 'compromised'") }
                return .flagEmergency(id: try emergency.resolve(context), compromised: !clear)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tick (or untick) an item of a compromised instance's recovery checklist.",
            discussion: "Items: "
                + CompromisedChecklist.items.map { "\($0.id) (\($0.title))" }.joined(separator: "; ") + ".")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var emergency: EmergencyAddress
        @Argument(help: "Checklist item id (listed below).") var item: String
        @Flag(help: "Untick it.") var undo = false
        func run() throws { try perform(global) { context in .tickChecklist(id: try emergency.resolve(context), item: item, done: !undo) } }
    }
}
