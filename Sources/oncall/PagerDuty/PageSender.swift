import Foundation
import OnCallRules

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends a manual emergency trigger to the PagerDuty Events API v2 when a routing key is configured.
/// The key comes from the environment only: it is never stored, logged or printed.
enum PageSender {
    /// What happened to a page.
    enum Result: Equatable {
        case notConfigured
        case sent
        case failed(String)
    }

    /// The PagerDuty fields the handbook gives for a manual trigger.
    static func fields(_ page: OutboundPage) -> String {
        "Impacted Service: \(page.impactedService) · Assign to: \(page.assignTo) · Title: \(page.summary)"
    }

    /// Sends (or explains how to send) and prints the result; failures go to stderr (the caller exits 5),
    /// never undoing the local emergency.
    @discardableResult
    static func send(_ page: OutboundPage, context: Context) -> Result {
        let result = deliver(page, config: context.config.pagerduty, environment: context.environment)
        switch result {
        case .notConfigured:
            CleanOutput.line("PagerDuty (trigger by hand, or set $\(context.config.pagerduty.routingKeyEnv)): \(fields(page))")
        case .sent:
            CleanOutput.line("PagerDuty: trigger sent (\(fields(page)))")
        case .failed(let why):
            printError("PagerDuty: could not send the trigger: \(why). The emergency is recorded here; trigger it by hand: \(fields(page))")
        }
        return result
    }

    static func deliver(_ page: OutboundPage, config: PagerDutySettings, environment: [String: String]) -> Result {
        guard let key = environment[config.routingKeyEnv], !key.isEmpty else { return .notConfigured }
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
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? JSONSerialization.data(withJSONObject: body)
        return post(request)
    }

    /// A blocking POST: the CLI and the dashboard loop are synchronous, and a page is rare. Redirects are
    /// never followed (see `RedirectRefusal`): any 3xx is a failure.
    private static func post(_ request: URLRequest) -> Result {
        let delegate = RedirectRefusal()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        task.resume()
        if delegate.done.wait(timeout: .now() + 12) == .timedOut {
            task.cancel()
            return .failed("no answer within 10 s")
        }
        return delegate.result
    }
}
