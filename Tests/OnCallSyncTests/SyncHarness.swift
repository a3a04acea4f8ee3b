import Foundation
import OnCallDemo
import OnCallRules
import OnCallStore
import OnCallVendorFake
import Testing

@testable import OnCallSync

/// A temporary store, a started fake and an engine pointed at it, with short waits; `close()` ends all.
final class SyncHarness: @unchecked Sendable {
    let directory: URL
    let store: Store
    let fake = VendorFake()
    let http: SyncHTTP
    var config = OnCallConfig.gitlabDefaults
    var environment: [String: String] = [:]
    var options = SyncOptions(retry: RetryPolicy(retries: 2, backoffBase: 0.05, longestRateWait: 5))
    static let now = Date()

    init(requestTimeout: TimeInterval = 30) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("oncall-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store(path: directory.appendingPathComponent("store.sqlite").path)
        try fake.start()
        http = SyncHTTP(connectTimeout: 5, requestTimeout: requestTimeout)
        for kind in SourceKind.allCases { config.sources[kind].url = fake.baseURL }
        config.sources.slack.escalationsChannel = "CESCAL"
    }

    /// Turns sources on (their token variables set to a test token).
    func enable(_ kinds: SourceKind...) {
        for kind in kinds { environment[config.sources[kind].tokenEnv] = "test-token-\(kind.rawValue)" }
    }

    func engine() -> SyncEngine {
        SyncEngine(store: store, config: config, environment: environment, http: http, options: options)
    }

    func close() async {
        await http.shutdown()
        fake.stop()
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Records of a recent synthetic shift (everything within the last week).
    static func generator(tickets: Int = 0, escalations: Int = 0, emergencies: Int = 0) -> SyntheticGenerator {
        SyntheticGenerator(
            spec: SyntheticSpec(
                tickets: tickets, waitingTickets: tickets / 10, escalations: escalations,
                openEscalations: escalations / 5, emergencies: emergencies, activeEmergencies: emergencies / 4,
                historyDays: 7),
            seed: 7, now: now)
    }
}
