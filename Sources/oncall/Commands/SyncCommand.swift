import ArgumentParser
import Foundation
import OnCallRules
import OnCallStore
import OnCallSync

/// `oncall sync [--once] [--json]`: pull the enabled sources into the store.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Pull Zendesk, PagerDuty, GitLab and Slack into the store (once, or until SIGINT/SIGTERM).",
        discussion: """
            A source is on when the variable its [sources.<vendor>] token_env names is set. With --once every \
            enabled source is pulled once (all pages) and one line per source is printed; exit 0 when all \
            succeeded, 6 when any failed, 2 when none is enabled. Without --once each source is pulled at its \
            own poll_seconds while this process holds the store's pull lease, printing a line per pull that \
            changed something or failed.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Pull every enabled source once, then exit.") var once = false
    @Flag(help: "With --once: print the results as JSON.") var json = false

    func run() throws {
        var code: Int32 = 0
        try reportingFailures {
            let context = try Context(global)
            let enabled = SourceKind.allCases.filter {
                SourceSwitch.of($0, config: context.config, environment: context.environment).isOn
            }
            guard !enabled.isEmpty else {
                printError("oncall: no source is enabled. " + SyncCommand.howToEnable(context.config))
                throw ExitCode(2)
            }
            let store = try context.openStore()
            let http = SyncHTTP()
            let engine = SyncEngine(
                store: store, config: context.config, environment: context.environment, http: http)
            if once {
                let reports = runBlocking {
                    let reports = await engine.pullAll()
                    await http.shutdown()
                    return reports
                }
                if json {
                    print(SyncJSON.reports(reports))
                } else {
                    for report in reports { CleanOutput.line(report.line) }
                }
                code = reports.allSatisfy(\.ok) ? 0 : 6
            } else {
                SyncForever.run(engine: engine, http: http)
            }
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// "set ONCALL_ZENDESK_TOKEN (zendesk), ... and run again"
    static func howToEnable(_ config: OnCallConfig) -> String {
        let names = SourceKind.allCases.map { "$\(config.sources[$0].tokenEnv) (\($0.rawValue))" }
        return "Set one of \(names.joined(separator: ", ")) to a token and check its [sources.*] table in the config."
    }
}
