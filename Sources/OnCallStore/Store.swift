import Foundation
import OnCallRules

/// The local SQLite file store. SKELETON: the store work replaces every body here, keeping these signatures.
public final class Store: Sendable {
    /// Where the store lives when neither `--store` nor `ONCALL_STORE` says: `$XDG_DATA_HOME/oncall/oncall.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/oncall/oncall.sqlite"
    }

    public let path: String

    /// Opens (creating directory 0700 and file 0600 when missing) and migrates the store.
    public init(path: String) throws {
        self.path = path
    }

    /// Loads the open records (or all records) for a view.
    public func loadBoard(all: Bool = false) throws -> Board { Board() }

    /// Runs one command in one write transaction: `body` reads through the lookup and returns the outcome;
    /// the store checks `expecting` (the revision the caller saw), writes the changes and the audit events,
    /// and commits durably. With `dryRun` nothing is written.
    @discardableResult
    public func perform(
        expecting: (ref: RecordRef, revision: Int)? = nil, dryRun: Bool = false,
        _ body: (any RecordLookup) throws -> Outcome
    ) throws -> Outcome {
        throw StoreError.unavailable(path: path, reason: "not implemented yet")
    }

    /// The audit trail, newest first; optionally for one record.
    public func auditLog(limit: Int, target: RecordRef? = nil) throws -> [AuditEvent] { [] }

    /// True when another process has committed since the last call (polls `PRAGMA data_version`).
    public func hasExternalChanges() throws -> Bool { false }
}
