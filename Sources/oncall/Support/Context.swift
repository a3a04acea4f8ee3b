import Foundation
import OnCallConfig
import OnCallRules
import OnCallStore

/// Everything a command needs, resolved once from the global options and the environment.
struct Context: Sendable {
    let config: OnCallConfig
    var actor: String
    /// nil = the real clock.
    let fixedNow: Date?
    var storePath: String
    let environment: [String: String]

    var now: Date { fixedNow ?? Date() }

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.environment = environment
        if let fixed = options.now {
            fixedNow = fixed
        } else if let text = environment["ONCALL_NOW"], !text.isEmpty {
            guard let fixed = ISOTime.parse(text) else {
                throw CLIError("ONCALL_NOW: expected an ISO-8601 time like 2026-11-27T14:02:00Z, got '\(text)'")
            }
            fixedNow = fixed
        } else {
            fixedNow = nil
        }
        config = try Context.loadConfig(explicit: options.config, environment: environment)
        let named = options.actor ?? config.me ?? Context.loginName(environment)
        let actor = named.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actor.isEmpty else { throw CLIError("--as: the actor name must not be empty") }
        self.actor = actor
        if let path = options.store ?? environment["ONCALL_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            storePath = path
        } else {
            storePath = Store.defaultPath(environment: environment)
        }
    }

    /// Who is logged in: `$USER`, `$LOGNAME`, else the account name of the user id.
    static func loginName(_ environment: [String: String]) -> String {
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }

    /// The default config file: `$XDG_CONFIG_HOME/oncall/config.toml` (`~/.config/oncall/config.toml`).
    static func defaultConfigPath(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/oncall/config.toml"
    }

    /// An explicit `--config` must exist; the default file is optional.
    static func loadConfig(explicit: String?, environment: [String: String]) throws -> OnCallConfig {
        if let explicit { return try ConfigLoader.loadFile(path: explicit, over: .gitlabDefaults) }
        return try ConfigLoader.loadFileIfPresent(path: defaultConfigPath(environment: environment), over: .gitlabDefaults)
    }

    func openStore() throws -> Store { Self.warned(try Store(path: storePath)) }

    /// Shows the store's warnings (a directory other users can write to) on stderr.
    private static func warned(_ store: Store) -> Store {
        for warning in store.warnings { printError(warning) }
        return store
    }

    /// The store's number for an escalation named `N`, `group/project#N` or `N --project P`.
    func escalationId(_ text: String, project: String? = nil) throws -> Int64 {
        let address = try RecordAddress.escalation(text, project: project)
        return try openStore().lookup { records in try address.escalationId(in: records) }
    }

    /// The store's number for an emergency named `N`, `pd#N`, `ticket#N` or a PagerDuty incident id.
    func emergencyId(_ text: String) throws -> Int64 {
        let address = try RecordAddress.emergency(text)
        return try openStore().lookup { records in try address.emergencyId(in: records) }
    }

    /// Opens the store for a verb that only reads: a store that does not exist yet is refused (naming the path)
    /// instead of being created empty and reported as a quiet shift, and one that cannot be written (a
    /// read-only mount, no write permission) opens read-only, every write refused with the reason. The dashboard
    /// passes `readOnlyIfNeeded` only with `--readonly`.
    func openExistingStore(readOnlyIfNeeded: Bool = true) throws -> Store {
        // lstat, not fileExists: a link (even a dangling one) is the store layer's to refuse, with its reason.
        var info = stat()
        guard lstat(storePath, &info) == 0 else { throw MissingStore(path: storePath) }
        return readOnlyIfNeeded ? Self.warned(try Store.openForReading(path: storePath)) : try openStore()
    }

    /// Applies one command through the runner (rules, then one transaction) at the context's clock.
    @discardableResult
    func run(_ command: Command, on store: Store? = nil) throws -> Outcome {
        let runner = StoreCommandRunner(store: try store ?? openStore(), config: config)
        return try runner.run(command, actor: actor, now: now, expecting: nil)
    }

    /// Sends a page the way every caller does: the configured endpoint, the key from this environment.
    func send(_ page: OutboundPage) -> PageResult {
        PageSender.send(page, config: config.pagerduty, environment: environment)
    }
}
