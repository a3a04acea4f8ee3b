import ArgumentParser
import Foundation
import OnCallRules

/// `oncall notice add|clear`: security incident notices shown as a banner until cleared.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: "Security incident notices (the manager is the notification point).",
        subcommands: [Add.self, Clear.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Raise a notice: a banner on every dashboard until cleared.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The kind of notice: security.") var kind: String = "security"
        @Option(help: "Title.", transform: Parse.text) var title: String
        @Option(help: "The Communications Manager On Call involved.", transform: Parse.text) var cmoc: String?
        @Option(help: "A link to the incident.", transform: Parse.text) var link: String?

        func run() throws {
            try perform(global) { context in
                guard kind == "security" else { throw CLIError("--kind: the only kind is 'security', got '\(kind)'") }
                return .addNotice(Notice(id: 0, kind: kind, title: title, cmoc: cmoc, link: link, since: context.now))
            }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear a notice.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Notice number.", transform: Parse.id) var id: Int64
        func run() throws { try perform(global) { _ in .clearNotice(id: id) } }
    }
}
