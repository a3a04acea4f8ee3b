/// Something a command asks for once it has committed, never inside its transaction: the caller runs it (the
/// CLI at once, the dashboard on a worker). Today only pages; write-back deliveries join here.
public enum AfterCommit: Sendable, Equatable {
    /// A PagerDuty Events API v2 trigger.
    case page(OutboundPage)
}
