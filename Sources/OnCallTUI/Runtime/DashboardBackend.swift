import Foundation
import OnCallRules

/// What the dashboard loop needs from the outside world: the store, the rules and the clock, wired by the CLI.
/// Every action goes through `runner`, the same one the CLI verbs use. The loop calls `now`, `load` and
/// `hasExternalChanges` on its own thread and the rest (anything that may wait) from its workers, so
/// implementations are thread-safe.
public protocol DashboardBackend: AnyObject, Sendable {
    /// The current time (fixed under `--now`).
    func now() -> Date
    var config: OnCallConfig { get }
    /// Who is acting (`--as`).
    var actor: String { get }
    /// Loads the open records.
    func load() throws -> Board
    /// True when another process committed since the last call; cheap enough to call every poll.
    func hasExternalChanges() throws -> Bool
    /// The one command runner: rules on a snapshot, then rules and commit under the write lock.
    var runner: any CommandRunner { get }
    /// Sends a page once its command has committed, within the sender's own timeout.
    func send(_ page: OutboundPage) -> PageResult
    /// The audit history of one record, newest first.
    func history(of ref: RecordRef, limit: Int) throws -> [AuditEvent]
    /// The shift hand-off report as Markdown (key `H`).
    func handoffReport() throws -> String
    /// Saves text (the report) to a file the user named; returns the absolute path written.
    func save(_ text: String, to path: String) throws -> String
    /// Saves as `save(_:to:)`, but an existing file is replaced only with `replacing`: without it, throws
    /// `ReportFileExists` so the dashboard can ask.
    func save(_ text: String, to path: String, replacing: Bool) throws -> String
}

extension DashboardBackend {
    /// Backends without files of their own (test doubles) ignore `replacing`.
    public func save(_ text: String, to path: String, replacing: Bool) throws -> String {
        try save(text, to: path)
    }
}

/// Saving would replace an existing file; the user has not said to.
public struct ReportFileExists: Error, Sendable {
    public let path: String

    public init(path: String) { self.path = path }
}
