import ArgumentParser

/// PENDING INTEGRATION.
struct HandoffReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "handoff-report")
    func run() throws { throw CLIError("not wired yet") }
}
