import Foundation

/// Runs async work from a synchronous command (the command tree is synchronous) and waits for it.
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Carries the result out of the task (written once, before the semaphore is signalled).
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
