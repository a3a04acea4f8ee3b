import ArgumentParser

/// PENDING INTEGRATION.
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard")
    func run() throws { throw CLIError("not wired yet") }
}
