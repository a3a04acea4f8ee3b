import Foundation
import OnCallRules
import OnCallStore

/// Pulls the enabled sources into the store. `pullAll` pulls each once, side by side; `run` keeps pulling
/// each at its own `poll_seconds` while this process holds the store's lease, until cancelled. A source
/// never waits for another: each pulls in its own task, and a hanging vendor is cut off by the request
/// timeout. Tokens are read once, here, and only ever put in request headers.
public final class SyncEngine: Sendable {
    public let store: Store
    public let config: OnCallConfig
    public let options: SyncOptions
    private let http: SyncHTTP
    private let tokens: [SourceKind: String]
    private let exportWindow: RequestWindow
    private let rateLimited = Locked<[SourceKind: Date]>([:])
    private let leaseHeld = Locked(false)

    public init(
        store: Store, config: OnCallConfig, environment: [String: String], http: SyncHTTP,
        options: SyncOptions = SyncOptions()
    ) {
        self.store = store
        self.config = config
        self.http = http
        self.options = options
        var tokens: [SourceKind: String] = [:]
        for kind in SourceKind.allCases where SourceSwitch.of(kind, config: config, environment: environment).isOn {
            tokens[kind] = environment[config.sources[kind].tokenEnv]
        }
        self.tokens = tokens
        exportWindow = RequestWindow(limit: options.zendeskExportPerMinute, window: 60)
    }

    /// The sources that are on, in the contract's order.
    public var enabledSources: [SourceKind] { SourceKind.allCases.filter { tokens[$0] != nil } }

    /// Whether this process held the lease at its last renewal (always false outside `run`).
    public var holdsLease: Bool { leaseHeld.read { $0 } }

    /// Pulls every enabled source once, all pages, side by side; reports in the contract's order.
    public func pullAll() async -> [SourceReport] {
        await withTaskGroup(of: SourceReport.self) { group in
            for kind in enabledSources { group.addTask { await self.pull(kind) } }
            var reports: [SourceReport] = []
            for await report in group { reports.append(report) }
            return reports.sorted { $0.source < $1.source }
        }
    }

    /// One pull of one source, its state recorded for `oncall sources` and the header.
    public func pull(_ kind: SourceKind) async -> SourceReport {
        guard let token = tokens[kind] else {
            return SourceReport(source: kind, ok: false, tally: PullTally(), error: "off")
        }
        let settings = config.sources[kind]
        guard let base = URL(string: settings.url) else {
            return SourceReport(source: kind, ok: false, tally: PullTally(), error: "bad url")
        }
        let limits = rateLimited
        let client = VendorClient(
            http: http, base: base, headers: SourceAuth.headers(kind, token: token, settings: settings),
            tokenVariable: settings.tokenEnv, policy: options.retry,
            onRateLimit: { until in limits.update { $0[kind] = until } })
        let context = PullContext(
            kind: kind, client: client, store: store, config: config, settings: settings, now: { Date() })
        let started = Date()
        var report: SourceReport
        do {
            let tally = try await puller(kind).pull(context)
            report = SourceReport(source: kind, ok: true, tally: tally, error: nil)
        } catch {
            report = SourceReport(source: kind, ok: false, tally: PullTally(), error: error.description)
            if case .rateLimited(let wait) = error {
                limits.update { $0[kind] = Date().addingTimeInterval(wait) }
            }
        }
        recordStatus(kind, report: report, started: started)
        return report
    }

    private func puller(_ kind: SourceKind) -> any Puller {
        switch kind {
        case .zendesk: ZendeskPuller(exportWindow: exportWindow)
        case .pagerduty: PagerDutyPuller()
        case .gitlab: GitLabPuller()
        case .slack: SlackPuller()
        }
    }

    private func recordStatus(_ kind: SourceKind, report: SourceReport, started: Date) {
        let now = Date()
        let previous = (try? store.sourceStatus())?[kind.rawValue]
        var row = previous ?? SourceStatusRow(source: kind.rawValue)
        row.lastAttemptAt = now
        row.nextPollAt = now.addingTimeInterval(TimeInterval(config.sources[kind].pollSeconds))
        if report.ok {
            row.lastSuccessAt = now
            row.lastError = nil
            row.failingSince = nil
            row.lastSummary = report.tally.line
        } else {
            row.lastError = report.error
            row.failingSince = previous?.failingSince ?? started
        }
        let until = rateLimited.read { $0[kind] }
        row.rateLimitedUntil = until.flatMap { $0 > now ? $0 : nil }
        if let until = row.rateLimitedUntil, let next = row.nextPollAt, until > next { row.nextPollAt = until }
        try? store.recordSourceStatus(row)
    }

    /// Pulls forever: each enabled source at its own interval while this process holds the store's lease
    /// (another process's live lease means this one only waits, and takes over when it expires). Each
    /// pull's report goes to `onReport`. Returns when the task is cancelled, giving the lease back.
    public func run(onReport: @escaping @Sendable (SourceReport) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.keepLease() }
            for kind in enabledSources {
                group.addTask { await self.loop(kind, onReport: onReport) }
            }
            await group.waitForAll()
        }
        try? store.releaseLease(pid: options.pid, host: options.host)
        leaseHeld.update { $0 = false }
    }

    private func keepLease() async {
        while !Task.isCancelled {
            let holder = try? store.acquireLease(
                pid: options.pid, host: options.host, now: Date(), duration: options.leaseSeconds)
            let ours = holder.map { $0.pid == options.pid && $0.host == options.host } ?? false
            leaseHeld.update { $0 = ours }
            try? await VendorClient.sleep(ours ? options.leaseSeconds / 3 : min(5, options.leaseSeconds / 3))
        }
    }

    private func loop(_ kind: SourceKind, onReport: @Sendable (SourceReport) -> Void) async {
        let interval = TimeInterval(config.sources[kind].pollSeconds)
        while !Task.isCancelled {
            guard holdsLease else {
                try? await VendorClient.sleep(0.2)
                continue
            }
            let report = await pull(kind)
            if Task.isCancelled { return }
            onReport(report)
            var wait = interval
            if !report.ok { wait = min(interval, Self.failureBackoff(kind: kind, engine: self)) }
            if let until = rateLimited.read({ $0[kind] }), until > Date() {
                wait = max(wait, until.timeIntervalSinceNow)
            }
            try? await VendorClient.sleep(wait)
        }
    }

    /// After a failure the next try comes sooner than a full interval (but never more than every 5 s).
    private static func failureBackoff(kind: SourceKind, engine: SyncEngine) -> TimeInterval {
        max(5, TimeInterval(engine.config.sources[kind].pollSeconds) / 2)
    }
}
