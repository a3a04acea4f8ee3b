import ArgumentParser
import Foundation
import OnCallRules

/// `oncall status`: the three panes and the alerts, as text or as the JSON scripting contract.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show emergencies, escalations, FRT risk and alerts.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON object (times in UTC).") var json = false
    @Flag(
        help: """
            Include closed items: resolved emergencies, resolved and rejected escalations, done upgrade requests, \
            cleared notices. The FRT list only ever holds tickets waiting for a first reply.
            """)
    var all = false

    func run() throws {
        try reportingFailures {
            let context = try Context(global)
            let store = try context.openExistingStore()
            let now = context.now
            let board = try store.loadBoard(all: all, now: now)
            let overview = Overview.make(from: board, config: context.config, includeClosed: all)
            if json {
                print(StatusJSON.render(overview, now: now, config: context.config).serialized())
            } else {
                print(StatusText.render(overview, now: now, config: context.config))
            }
        }
    }
}
