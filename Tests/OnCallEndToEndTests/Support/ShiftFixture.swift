import Foundation
import Testing

/// A fresh store, a fixed clock and an actor, with helpers to run the CLI against them and to start the
/// dashboard in tmux. Global options go first, as in the CLI contract
/// (`oncall --store PATH --now ISO --as NAME <verb>...`), unless the binary only accepts them after the verb.
final class ShiftFixture {
    static let now = "2026-11-27T15:00:00Z"
    static let actor = "Ada Lovelace"
    static let nextManager = "Grace Hopper"

    let directory: URL
    let store: String
    let binary: String

    init() throws {
        guard let binary = OnCallBinary.path else { throw SpawnError(description: "no oncall binary") }
        self.binary = binary
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("oncall-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("store/oncall.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The environment the binary runs with: its own HOME and XDG folders, so no user config leaks in.
    var environment: [String: String] {
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"]
        environment["USER"] = "e2e"
        environment["HOME"] = directory.path
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        environment["LANG"] = "C.UTF-8"
        return environment
    }

    /// `oncall --store --now --as` followed by `verb` (or after it, when the parser wants them there).
    func arguments(_ verb: [String], actor: String = ShiftFixture.actor) -> [String] {
        let global = ["--store", store, "--now", Self.now, "--as", actor]
        return OnCallBinary.globalOptionsFirst ? [binary] + global + verb : [binary] + verb + global
    }

    /// Runs the CLI; records an issue (with its output) when it fails and `expectSuccess` is set.
    @discardableResult
    func cli(
        _ verb: String..., actor: String = ShiftFixture.actor, expectSuccess: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try ProcessRunner.run(arguments(verb, actor: actor), environment: environment, timeout: 20)
        if expectSuccess {
            #expect(
                result.succeeded, "oncall \(verb.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        }
        return result
    }

    /// `oncall status --json --all`, parsed.
    func status() throws -> [String: Any] {
        let result = try cli("status", "--json", "--all")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        guard let dictionary = object as? [String: Any] else {
            throw SpawnError(description: "status --json is not an object: \(result.stdout)")
        }
        return dictionary
    }

    /// The escalation with `id` in `status --json --all`.
    func escalation(_ id: Int) throws -> [String: Any]? {
        let list = try status()["escalations"] as? [[String: Any]] ?? []
        return list.first { ($0["id"] as? Int) == id || ($0["id"] as? String) == "\(id)" }
    }

    /// The emergency for `ticket` in `status --json --all`.
    func emergency(ticket: Int) throws -> [String: Any]? {
        let list = try status()["emergencies"] as? [[String: Any]] ?? []
        return list.first { ($0["ticket"] as? Int) == ticket || ($0["ticket"] as? String) == "\(ticket)" }
    }

    /// A rota with the acting manager on shift now and the next manager after them.
    func seedRota() throws {
        try cli(
            "rota", "add", Self.actor, "--region", "EMEA", "--from", "2026-11-27T08:00:00Z", "--to",
            "2026-11-27T16:00:00Z")
        try cli(
            "rota", "add", Self.nextManager, "--region", "AMER", "--from", "2026-11-27T16:00:00Z", "--to",
            "2026-11-28T00:00:00Z")
    }

    /// The shell command line that opens the dashboard on this store.
    func dashboardCommand(extra: [String] = []) -> String {
        (arguments(["dashboard"] + extra)).map(shellQuote).joined(separator: " ")
    }

    /// Starts the dashboard as the pane's only command (the pane stays after it exits, to read its status).
    func startDashboard(width: Int = 120, height: Int = 40, term: String = "tmux-256color") throws -> TmuxSession {
        var environment = environment
        environment["TERM"] = term
        return try TmuxSession(width: width, height: height, environment: environment, command: dashboardCommand())
    }
}
