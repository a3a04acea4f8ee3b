import Foundation
import OnCallRules

/// The command runner over the SQLite store: rules on a read snapshot first, then again under the write lock
/// in the one transaction that commits the changes and their audit events.
public struct StoreCommandRunner: CommandRunner {
    public let store: Store
    public let config: OnCallConfig

    public init(store: Store, config: OnCallConfig) {
        self.store = store
        self.config = config
    }

    public func check(_ command: Command, actor: String, now: Date, expecting: ExpectedRevision?) throws {
        try store.check(expecting: expecting) { records in
            try command.apply(to: records, actor: actor, now: now, config: config)
        }
    }

    @discardableResult
    public func run(_ command: Command, actor: String, now: Date, expecting: ExpectedRevision?) throws -> Outcome {
        try check(command, actor: actor, now: now, expecting: expecting)
        // Again under the lock: another process may have committed between the snapshot and the lock.
        return try store.perform(expecting: expecting) { records in
            try command.apply(to: records, actor: actor, now: now, config: config)
        }
    }
}
