import ArgumentParser
import OnCallConfig

/// `oncall config`: the effective configuration (defaults + the config file), as TOML.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the effective configuration as TOML.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let context = try Context(global)
            print(ConfigLoader.render(context.config), terminator: "")
        }
    }
}
