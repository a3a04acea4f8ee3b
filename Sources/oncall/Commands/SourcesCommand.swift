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
            let now = Date()
            let rows = SourceKind.allCases.map { kind -> SourceLine in
                let state = SourceSwitch.of(kind, config: context.config, environment: context.environment)
                var off: String?
                if case .off(let why) = state { off = why }
                return SourceLine(
                    kind: kind, enabled: state.isOn, offBecause: off, url: context.config.sources[kind].url,
                    pollSeconds: context.config.sources[kind].pollSeconds, status: status[kind.rawValue])
            }
            if json {
                print(SyncJSON.sources(rows, lease: lease, now: now))
                return
            }
            for row in rows {
                let name = row.kind.rawValue
                guard row.enabled else {
                    CleanOutput.line("\(name): off (\(row.offBecause ?? ""))")
                    continue
                }
                var parts = ["\(name): on, every \(row.pollSeconds)s"]
                parts.append("last pull \(row.status?.lastSuccessAt.map(ISOTime.format) ?? "never")")
                if let error = row.status?.lastError { parts.append("last error: \(error)") }
                if let next = row.status?.nextPollAt { parts.append("next poll \(ISOTime.format(next))") }
                let wait = row.rateLimitWait(now: now)
                if wait > 0 { parts.append("rate limited \(wait)s") }
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
