import ArgumentParser
import Foundation

/// Options every command takes: where the store and config are, who is acting, and what time it is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default $ONCALL_STORE, else $XDG_DATA_HOME/oncall/oncall.sqlite).", valueName: "path"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("A TOML file overriding the defaults (default $XDG_CONFIG_HOME/oncall/config.toml if present).", valueName: "path"))
    var config: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting, written to the audit log (default: config `me`, else $USER).", valueName: "name"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("A fixed clock for scripts, demos and tests (also $ONCALL_NOW).", valueName: "iso8601"), transform: Parse.time)
    var now: Date?
}
