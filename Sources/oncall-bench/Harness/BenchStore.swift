import Foundation
import OnCallDemo
import OnCallRules
import OnCallStore

/// Builds a deterministic synthetic store (seeded) through the real write path: `Store.perform`, a batch of
/// records per transaction, one audit event per record, as an importer would write them.
enum BenchStore {
    /// The actor the synthetic history is written as.
    static let actor = "import:bench"

    /// Creates `path` (which must not exist) holding `size` generated relative to `now`; returns seconds taken.
    @discardableResult
    static func build(path: String, size: SyntheticSize, seed: UInt64, now: Date) throws -> Double {
        let start = Monotonic.seconds()
        do {
            try write(path: path, size: size, seed: seed, now: now)
        } catch {
            // Half a store would be measured as if it were whole: leave none.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
        return Monotonic.seconds() - start
    }

    private static func write(path: String, size: SyntheticSize, seed: UInt64, now: Date) throws {
        let store = try Store(path: path)
        for batch in SyntheticData(size: size, seed: seed, now: now, batchSize: 2_000) {
            let changes: [Change] =
                batch.tickets.map(Change.ticket) + batch.escalations.map(Change.escalation)
                + batch.emergencies.map(Change.emergency) + batch.rota.map(Change.rota)
            let audit = changes.map { change in
                AuditEvent(at: now, actor: actor, verb: "\(change.ref.kind.rawValue).import", target: change.ref)
            }
            try store.perform { _ in
                Outcome(changes: changes, audit: audit, message: "\(changes.count) synthetic records")
            }
        }
    }
}
