import Foundation

/// The last `PRAGMA data_version` seen by `hasExternalChanges`, shared safely between threads.
final class DataVersionMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Int?

    /// Records `version`; true when it differs from the previous one (false the first time).
    func changed(to version: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { last = version }
        return last.map { $0 != version } ?? false
    }
}
