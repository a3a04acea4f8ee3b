import Foundation
import OnCallRules
import OnCallStore
import OnCallSync

/// The JSON of `oncall sync --once --json` and `oncall sources --json`, through the shared writer.
enum SyncJSON {
    /// One object per source pulled.
    static func reports(_ reports: [SourceReport]) -> String {
        JSONValue.array(
            reports.map { r in
                .object([
                    ("source", .string(r.source.rawValue)), ("ok", .bool(r.ok)), ("pages", .int(Int64(r.tally.pages))),
                    ("read", .int(Int64(r.tally.read))), ("new", .int(Int64(r.tally.new))),
                    ("updated", .int(Int64(r.tally.updated))), ("unchanged", .int(Int64(r.tally.unchanged))),
                    ("error", .optional(r.error)), ("line", .string(r.line)),
                ])
            }
        ).serialized()
    }

    /// `{"sources": [...], "lease": {...} | null}`
    static func sources(_ rows: [SourceLine], lease: SyncLease?, now: Date) -> String {
        let list = rows.map { row -> JSONValue in
            .object([
                ("source", .string(row.kind.rawValue)), ("enabled", .bool(row.enabled)),
                ("off_because", .optional(row.offBecause)), ("url", .string(row.url)),
                ("poll_seconds", .int(Int64(row.pollSeconds))), ("last_success_at", .time(row.status?.lastSuccessAt)),
                ("last_attempt_at", .time(row.status?.lastAttemptAt)), ("last_error", .optional(row.status?.lastError)),
                ("failing_since", .time(row.status?.failingSince)), ("next_poll_at", .time(row.status?.nextPollAt)),
                ("rate_limit_wait_seconds", .int(Int64(row.rateLimitWait(now: now)))),
                ("last_summary", .optional(row.status?.lastSummary)),
            ])
        }
        let leaseValue: JSONValue =
            lease.map {
                .object([
                    ("pid", .int(Int64($0.pid))), ("host", .string($0.host)), ("acquired_at", .time($0.acquiredAt)),
                    ("expires_at", .time($0.expiresAt)), ("live", .bool($0.expiresAt > now)),
                ])
            } ?? .null
        return JSONValue.object([("sources", .array(list)), ("lease", leaseValue)]).serialized()
    }
}

/// One source as `oncall sources` shows it.
struct SourceLine {
    var kind: SourceKind
    var enabled: Bool
    var offBecause: String?
    var url: String
    var pollSeconds: Int
    var status: SourceStatusRow?

    func rateLimitWait(now: Date) -> Int {
        status?.rateLimitedUntil.map { max(0, Int($0.timeIntervalSince(now).rounded(.up))) } ?? 0
    }
}
