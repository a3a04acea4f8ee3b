import Foundation

/// The engine's knobs (tests shorten the waits; the shipped values follow SYNC.md).
public struct SyncOptions: Sendable {
    public var retry: RetryPolicy
    /// How long a taken lease lasts without renewal; renewed every third of it.
    public var leaseSeconds: TimeInterval
    /// Zendesk's incremental export budget per minute.
    public var zendeskExportPerMinute: Int
    /// Who this process is, for the lease.
    public var pid: Int32
    public var host: String

    public init(
        retry: RetryPolicy = RetryPolicy(), leaseSeconds: TimeInterval = 60, zendeskExportPerMinute: Int = 10,
        pid: Int32 = getpid(), host: String = ProcessInfo.processInfo.hostName
    ) {
        self.retry = retry
        self.leaseSeconds = leaseSeconds
        self.zendeskExportPerMinute = zendeskExportPerMinute
        self.pid = pid
        self.host = host
    }
}
