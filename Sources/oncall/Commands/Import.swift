import ArgumentParser

/// PENDING INTEGRATION.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import")
    func run() throws { throw CLIError("not wired yet") }
}
