/// What happened to one page sent after its command committed; the CLI prints its line, the dashboard shows it.
public enum PageResult: Sendable, Equatable {
    /// No routing key in the environment: the manager triggers it in PagerDuty by hand.
    case notConfigured(routingKeyEnv: String)
    case sent
    /// Not paged (an HTTP error, a refused redirect, no answer in time); the local record stands.
    case failed(String)

    public var isFailure: Bool { if case .failed = self { true } else { false } }

    /// The one line that reports it, with the fields to trigger it by hand when it was not sent.
    public func line(_ page: OutboundPage) -> String {
        switch self {
        case .notConfigured(let variable): "PagerDuty (trigger by hand, or set $\(variable)): \(page.fields)"
        case .sent: "PagerDuty: trigger sent (\(page.fields))"
        case .failed(let why):
            "PagerDuty send FAILED (\(why)): could not send the trigger; the emergency is recorded here, "
                + "trigger it by hand: \(page.fields)"
        }
    }
}
