import Foundation
import OnCallRules

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Collects the answer to one POST and refuses every redirect: the body carries the routing key, so it must
/// never be replayed to the host a 3xx names (and a redirected POST loses its body anyway: nothing is paged).
final class RedirectRefusal: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var redirectedTo: String?
    private var status: Int?
    private var failure: String?

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        lock.withLock { redirectedTo = request.url?.host ?? "another address" }
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { status = (response as? HTTPURLResponse)?.statusCode }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            if status == nil { status = (task.response as? HTTPURLResponse)?.statusCode }
            failure = error?.localizedDescription
        }
        done.signal()
    }

    /// What happened, once `done` was signalled.
    var result: PageResult {
        lock.withLock {
            if let redirectedTo { return .failed("not paged: redirected to \(redirectedTo)") }
            if let status, (300..<400).contains(status) { return .failed("not paged: redirected (HTTP \(status))") }
            if let status { return (200..<300).contains(status) ? .sent : .failed("HTTP \(status)") }
            return .failed(failure ?? "no answer")
        }
    }
}
