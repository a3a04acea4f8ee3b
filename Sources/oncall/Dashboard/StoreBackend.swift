import Foundation
import OnCallRules
import OnCallStore
import OnCallTUI

/// The dashboard's window on the world: the same store, command runner and page sender as the CLI verbs.
/// The loop's workers use it too: the store it points at (replaced after a reopen) is read under a lock.
final class StoreBackend: DashboardBackend, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Store
    let context: Context
    /// Set after reopening a replaced store: the next poll reports a change, so the board reloads.
    private var reopened = false

    init(store: Store, context: Context) {
        current = store
        self.context = context
    }

    var store: Store { lock.withLock { current } }
    var runner: any CommandRunner { StoreCommandRunner(store: store, config: config) }

    func now() -> Date { context.now }
    var config: OnCallConfig { context.config }
    var actor: String { context.actor }

    func load() throws -> Board { try store.loadBoard(now: now()) }

    func hasExternalChanges() throws -> Bool {
        let wasReopened = lock.withLock {
            defer { reopened = false }
            return reopened
        }
        if wasReopened { return true }
        do {
            return try store.hasExternalChanges()
        } catch StoreError.replaced(let path) {
            throw reopen(path)
        }
    }

    /// Another file was moved over the store's path: stop using the old file (closing it checkpoints its WAL
    /// into it and removes the `-wal`, so nothing of it is mixed into the new file), then open what is at
    /// the path now. Returns the error that says so on the status line.
    private func reopen(_ path: String) -> StoreReplaced {
        let old = store
        try? old.close()
        do {
            let new = try old.readOnlyReason == nil ? Store(path: path) : Store.openForReading(path: path)
            lock.withLock {
                current = new
                reopened = true
            }
            return StoreReplaced(path: path, problem: nil)
        } catch {
            return StoreReplaced(path: path, problem: describe(error))
        }
    }

    func send(_ page: OutboundPage) -> PageResult { context.send(page) }

    func history(of ref: RecordRef, limit: Int) throws -> [AuditEvent] { try store.auditLog(limit: limit, target: ref) }

    func handoffReport() throws -> String {
        let report = try HandoffReportCommand.make(context: context, store: store, since: nil)
        return report.markdown(timeZone: TimeZone(identifier: "UTC")!)
    }

    func save(_ text: String, to path: String) throws -> String { try save(text, to: path, replacing: false) }

    func save(_ text: String, to path: String, replacing: Bool) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(fileURLWithPath: expanded).standardizedFileURL
        try ReportFile.save(text, to: url.path, replacing: replacing)
        return url.path
    }
}

/// The dashboard's store file was replaced underneath it; what it did about it, for the status line.
struct StoreReplaced: Error, CustomStringConvertible {
    let path: String
    /// Why the file now at the path could not be opened, or nil when it was.
    let problem: String?

    var description: String {
        // The news first: the status line may cut the end off.
        let what = "the store file was replaced by another file: nothing was written to either"
        guard let problem else { return what + "; now showing the file at \(path)" }
        return what + "; the file now at \(path) cannot be opened (\(problem)): quit and check it"
    }
}
