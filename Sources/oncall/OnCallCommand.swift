import ArgumentParser

/// The `oncall` executable: the dashboard by default, and a scriptable verb for every action.
@main
struct OnCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncall",
        abstract: "The GitLab Support Manager On-call dashboard and its scriptable commands.",
        discussion: """
            With no command, opens the live dashboard on the store. Every dashboard key has a CLI twin here; \
            all of them go through the same rules and land in the same local store, with an audit trail. \
            Global options (--store, --config, --as, --now) go before or after the verb.

            Exit codes: 0 done; 1 refused by the rules; 2 bad input; 3 store problem; 4 other error; \
            5 recorded but not paged (the PagerDuty send failed); 6 a source failed to pull (sync --once); \
            64 usage error.
            """,
        subcommands: [
            Dashboard.self, Status.self, Demo.self, TicketCommand.self, EscalationCommand.self,
            EmergencyCommand.self, RotaCommand.self, Cover.self, UpgradeCommand.self, NoticeCommand.self,
            Import.self, SyncCommand.self, SourcesCommand.self, HandoffReportCommand.self, Log.self, ConfigCommand.self,
        ],
        defaultSubcommand: Dashboard.self
    )

    /// Global options may come before the verb (`oncall --store PATH status`), as the contract shows.
    static func main() {
        main(GlobalOptionPlacement.reordered(Array(CommandLine.arguments.dropFirst())))
    }
}
