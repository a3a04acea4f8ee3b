import ArgumentParser
import Foundation
import OnCallRules

/// `oncall upgrade add|assign|reschedule|done`: upgrade assistance requests that may need the manager.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "Track upgrade assistance requests and their flags.",
        subcommands: [Add.self, Assign.self, Reschedule.self, Done.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an upgrade assistance request.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Zendesk ticket number.", transform: Parse.id) var ticket: Int64
        @Option(help: "Customer.", transform: Parse.text) var customer: String
        @Option(help: "When the upgrade is scheduled (ISO-8601).", transform: Parse.time) var scheduled: Date
        @Flag(help: "Multi-node, HA or Geo: needs more notice.") var complex = false
        @Option(help: "The engineer assigned.", transform: Parse.text) var engineer: String?
        @Option(help: "When it was requested (default now).", transform: Parse.time) var requested: Date?

        func run() throws {
            try perform(global) { context in
                .addUpgrade(
                    UpgradeRequest(
                        id: ticket, customer: customer, scheduledAt: scheduled, requestedAt: requested ?? context.now,
                        complex: complex, engineer: engineer))
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign or change the engineer.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket number.", transform: Parse.id) var id: Int64
        @Option(help: "The engineer.", transform: Parse.text) var engineer: String
        func run() throws { try perform(global) { _ in .assignUpgrade(id: id, engineer: engineer) } }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move the scheduled time.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket number.", transform: Parse.id) var id: Int64
        @Option(help: "The new time (ISO-8601).", transform: Parse.time) var scheduled: Date
        func run() throws { try perform(global) { _ in .rescheduleUpgrade(id: id, scheduledAt: scheduled) } }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The upgrade is done; stop tracking it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ticket number.", transform: Parse.id) var id: Int64
        func run() throws { try perform(global) { _ in .completeUpgrade(id: id) } }
    }
}
