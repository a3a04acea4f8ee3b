import ArgumentParser
import Foundation
import OnCallRules
import OnCallStore
import OnCallSync

/// `oncall sources [--json]`: each source's state: on or why not, last good pull, last error, next poll,
/// rate-limit wait, and who holds the pull lease.
struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "Show each live source: enabled or why not, last pull, last error, next poll, lease holder.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print as JSON.") var json = false

    func run() throws {
        try reportingFailures {
            let context = try Context(global)
            let store = try context.openExistingStore()
            let status = try store.sourceStatus()
            let lease = try store.lease()
            let now = context.now
            var items: [[String: Any]] = []
            for kind in SourceKind.allCases {
                let row = status[kind.rawValue]
                let state = SourceSwitch.of(kind, config: context.config, environment: context.environment)
                var item: [String: Any] = ["source": kind.rawValue, "enabled": state.isOn]
                if case .off(let why) = state { item["off_because"] = why }
                item["poll_seconds"] = context.config.sources[kind].pollSeconds
                item["url"] = context.config.sources[kind].url
                item["last_success_at"] = row?.lastSuccessAt.map(ISOTime.format) ?? NSNull()
                item["last_attempt_at"] = row?.lastAttemptAt.map(ISOTime.format) ?? NSNull()
                item["last_error"] = row?.lastError ?? NSNull()
                item["failing_since"] = row?.failingSince.map(ISOTime.format) ?? NSNull()
                item["next_poll_at"] = row?.nextPollAt.map(ISOTime.format) ?? NSNull()
                let wait = row?.rateLimitedUntil.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) } ?? 0
                item["rate_limit_wait_seconds"] = wait
                item["last_summary"] = row?.lastSummary ?? NSNull()
                items.append(item)
            }
            var leaseItem: Any = NSNull()
            if let lease {
                leaseItem = [
                    "pid": Int(lease.pid), "host": lease.host, "acquired_at": ISOTime.format(lease.acquiredAt),
                    "expires_at": ISOTime.format(lease.expiresAt), "live": lease.expiresAt > now,
                ] as [String: Any]
            }
            if json {
                let object: [String: Any] = ["sources": items, "lease": leaseItem]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            for item in items {
                let name = item["source"] as! String
                guard item["enabled"] as! Bool else {
                    CleanOutput.line("\(name): off (\(item["off_because"] as? String ?? ""))")
                    continue
                }
                var parts = ["\(name): on, every \(item["poll_seconds"]!)s"]
                parts.append("last pull \(item["last_success_at"] as? String ?? "never")")
                if let error = item["last_error"] as? String { parts.append("last error: \(error)") }
                if let next = item["next_poll_at"] as? String { parts.append("next poll \(next)") }
                if let wait = item["rate_limit_wait_seconds"] as? Int, wait > 0 { parts.append("rate limited \(wait)s") }
                CleanOutput.line(parts.joined(separator: ", "))
            }
            if let lease {
                let live = lease.expiresAt > now ? "until" : "expired"
                CleanOutput.line("lease: pid \(lease.pid) on \(lease.host), \(live) \(ISOTime.format(lease.expiresAt))")
            } else {
                CleanOutput.line("lease: nobody is pulling")
            }
        }
    }
}
