import Foundation
import OnCallRules
import TOMLKit

/// Reads the TOML configuration over the shipped defaults, and renders a configuration back to TOML.
///
/// Every key is optional: a file overrides single keys of the base. Arrays replace the base's array; named
/// entries (schedules, policies, plan tags and forms) are added or changed one by one, and `"none"` removes
/// one. An unknown key or a bad value throws a `ConfigError` naming the file and the key path.
public enum ConfigLoader {
    /// The top-level keys of the file.
    static let topKeys = [
        "me", "engineers", "schedules", "policies", "policy_order", "risk", "escalation_minutes",
        "escalation_schedule", "emergency", "alerts", "upgrades", "imports", "dashboard", "pagerduty", "keys", "theme",
        "sources", "people",
    ]

    /// Applies the keys in `toml` over `base`; throws naming the key on an unknown key or a bad value.
    public static func load(
        toml: String, over base: OnCallConfig = .gitlabDefaults, source: String = "config.toml"
    ) throws -> OnCallConfig {
        do {
            let table: TOMLTable
            do {
                table = try TOMLTable(string: toml)
            } catch let error as TOMLParseError {
                let at = error.source.begin
                throw ConfigError(
                    keyPath: "", message: "line \(at.line), column \(at.column): not valid TOML: \(error.description)")
            }
            var config = base
            try apply(ConfigNode(table: table, path: ""), to: &config)
            try validate(config)
            return config
        } catch var error as ConfigError {
            error.source = source
            throw error
        }
    }

    /// Reads the file at `path` (given explicitly: a missing file is an error) and applies it over `base`.
    public static func loadFile(path: String, over base: OnCallConfig = .gitlabDefaults) throws -> OnCallConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(source: path, keyPath: "", message: "no such file")
        }
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigError(source: path, keyPath: "", message: "not UTF-8 text")
            }
            text = decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(source: path, keyPath: "", message: "cannot read: \(error.localizedDescription)")
        }
        return try load(toml: text, over: base, source: path)
    }

    /// The default path's behaviour: a missing file means just `base`; an existing one is read like `loadFile`.
    public static func loadFileIfPresent(
        path: String, over base: OnCallConfig = .gitlabDefaults
    ) throws -> OnCallConfig {
        guard FileManager.default.fileExists(atPath: path) else { return base }
        return try loadFile(path: path, over: base)
    }
}
