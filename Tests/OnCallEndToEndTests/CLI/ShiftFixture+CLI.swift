import Foundation
import Testing

/// CLI helpers for the contract and duties tests: any clock, extra environment, parsed JSON.
extension ShiftFixture {
    /// Runs `oncall --store --now --as <verb...>` (global options first, as the contract spells them) with
    /// `extra` added to the environment. Never records an issue itself.
    func run(
        _ verb: [String], now: String = ShiftFixture.now, actor: String = ShiftFixture.actor,
        environment extra: [String: String] = [:], globals: Bool = true
    ) throws -> RunResult {
        var environment = environment
        environment.merge(extra) { _, new in new }
        let global = globals ? ["--store", store, "--now", now, "--as", actor] : []
        return try ProcessRunner.run([binary] + global + verb, environment: environment, timeout: 30)
    }

    /// Runs a verb that must succeed (an issue with its output otherwise) and returns its stdout.
    @discardableResult
    func ok(
        _ verb: String..., now: String = ShiftFixture.now, actor: String = ShiftFixture.actor,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let result = try run(verb, now: now, actor: actor)
        #expect(result.succeeded, "oncall \(verb.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Parses a command's stdout as JSON.
    func json(_ verb: String..., now: String = ShiftFixture.now) throws -> Any {
        let result = try run(verb, now: now)
        guard result.succeeded else { throw SpawnError(description: "oncall \(verb): \(result)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// `status --json` (open items, or all with `all`), as an object.
    func statusObject(all: Bool = false, now: String = ShiftFixture.now) throws -> [String: Any] {
        let verb = all ? ["status", "--json", "--all"] : ["status", "--json"]
        let result = try run(verb, now: now)
        guard result.succeeded,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else { throw SpawnError(description: "status --json: \(result)") }
        return object
    }

    /// The whole audit log, newest first.
    func auditLog() throws -> [[String: Any]] {
        try json("log", "--json", "--limit", "100000") as? [[String: Any]] ?? []
    }
}

/// The objects of a JSON list.
func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

/// An ISO-8601 UTC time with a `Z` (what the contract promises for every time).
func isUTCTime(_ value: Any?) -> Bool {
    guard let text = value as? String else { return false }
    return text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"#, options: .regularExpression) != nil
}
