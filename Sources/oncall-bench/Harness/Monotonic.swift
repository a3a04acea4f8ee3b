import Foundation

/// The monotonic clock the figures are timed with.
enum Monotonic {
    /// Seconds since an arbitrary start, from `DispatchTime` (CLOCK_MONOTONIC).
    static func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `work` and returns its result and how long it took, in milliseconds.
    static func milliseconds<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
}
