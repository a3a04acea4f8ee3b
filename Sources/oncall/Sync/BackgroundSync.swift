import Foundation
import OnCallRules
import OnCallStore
import OnCallSync

/// The dashboard's live pull: the sync engine on its own task and its own store connection (so the
/// dashboard's reload sees its commits as another writer's), never on the input loop. Stopped at exit.
final class BackgroundSync: Sendable {
    private let task: Task<Void, Never>
    private let http: SyncHTTP
    private let done = DispatchSemaphore(value: 0)

    private init(engine: SyncEngine, http: SyncHTTP) {
        self.http = http
        let done = self.done
        task = Task.detached {
            await engine.run { _ in }
            done.signal()
        }
    }

    /// Starts pulling when a source is enabled; nil when none is (or the store cannot be opened again).
    static func start(context: Context) -> BackgroundSync? {
        let enabled = SourceKind.allCases.contains {
            SourceSwitch.of($0, config: context.config, environment: context.environment).isOn
        }
        guard enabled, let store = try? Store(path: context.storePath) else { return nil }
        let http = SyncHTTP()
        let engine = SyncEngine(store: store, config: context.config, environment: context.environment, http: http)
        return BackgroundSync(engine: engine, http: http)
    }

    /// Cancels the pulls (a request in flight is cut off), gives the lease back and closes the client;
    /// waits at most a few seconds so quitting never hangs on a vendor.
    func stop() {
        task.cancel()
        _ = done.wait(timeout: .now() + 3)
        let http = self.http
        let closed = DispatchSemaphore(value: 0)
        Task.detached {
            await http.shutdown()
            closed.signal()
        }
        _ = closed.wait(timeout: .now() + 2)
    }
}
