import Foundation
import OnCallRules

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends a manual emergency trigger to the PagerDuty Events API v2 when a routing key is configured: the one
/// sender for the CLI and the dashboard (which calls it on a worker, never on its input loop).
/// The key comes from the environment only: it is never stored, logged or printed.
enum PageSender {
    /// How long a page may take before it counts as not sent.
    static let timeout: TimeInterval = 10

    static func send(_ page: OutboundPage, config: PagerDutySettings, environment: [String: String]) -> PageResult {
        guard let key = environment[config.routingKeyEnv], !key.isEmpty else {
            return .notConfigured(routingKeyEnv: config.routingKeyEnv)
        }
        guard let url = URL(string: config.eventsURL), url.scheme == "https" || url.scheme == "http" else {
            return .failed("pagerduty.events_url is not an http(s) URL")
        }
        let body: [String: Any] = [
            "routing_key": key,
            "event_action": "trigger",
            "dedup_key": page.dedupKey,
            "payload": [
                "summary": page.summary,
                "source": "oncall",
                "severity": "critical",
                "custom_details": ["impacted_service": page.impactedService, "assign_to": page.assignTo],
            ] as [String: Any],
        ]
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? JSONSerialization.data(withJSONObject: body)
        return post(request)
    }

    /// A blocking POST bounded by `timeout` (the caller is the CLI or a dashboard worker). Redirects are never
    /// followed (see `RedirectRefusal`): any 3xx is a failure.
    private static func post(_ request: URLRequest) -> PageResult {
        let delegate = RedirectRefusal()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        task.resume()
        if delegate.done.wait(timeout: .now() + timeout) == .timedOut {
            task.cancel()
            return .failed("no answer within \(Int(timeout)) s")
        }
        return delegate.result
    }
}
