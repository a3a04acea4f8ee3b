import Foundation
import OnCallImport
import OnCallRules
import OnCallStore

/// PagerDuty: the open incidents (`date_range=all`, or an incident open for over a month is missed), the
/// incidents resolved since the last pull, and `/oncalls` of the configured escalation policies and
/// schedules into the rota; all offset-paged (`limit=100`, `more`). The resolved window's start is committed
/// with the last page of that list.
struct PagerDutyPuller: Puller {
    static let cursorName = "resolved_since"
    /// PagerDuty refuses offset + limit over 10,000.
    static let maxOffset = 10_000
    /// The rota read ahead of now.
    static let rotaAhead: TimeInterval = 7 * 86_400

    func pull(_ context: PullContext) async throws(SyncFailure) -> PullTally {
        let started = context.now()
        let s = context.settings
        var tally = PullTally()
        let services = s.serviceIds.map { ("service_ids[]", $0) }

        let open = [("statuses[]", "triggered"), ("statuses[]", "acknowledged"), ("date_range", "all")] + services
        try await pages(context, "incidents", open, tally: &tally) { _ in PullWrite() }

        let since = try context.cursors()[Self.cursorName].flatMap(ISOTime.parse)
            ?? started.addingTimeInterval(-86_400)
        let resolved = [
            ("statuses[]", "resolved"), ("since", ISOTime.text(since.addingTimeInterval(-60))),
            ("until", ISOTime.text(started.addingTimeInterval(60))),
        ] + services
        try await pages(context, "incidents", resolved, tally: &tally) { last in
            last ? PullWrite(cursors: [Self.cursorName: ISOTime.text(started)]) : PullWrite()
        }

        let oncalls =
            s.escalationPolicyIds.map { ("escalation_policy_ids[]", $0) } + s.scheduleIds.map { ("schedule_ids[]", $0) }
            + [
                ("since", ISOTime.text(started)), ("until", ISOTime.text(started.addingTimeInterval(Self.rotaAhead))),
                ("include[]", "users"),
            ]
        try await pages(context, "oncalls", oncalls, tally: &tally) { _ in PullWrite() }
        return tally
    }

    /// Every page of one list; `write(isLastPage)` says what commits with each page.
    private func pages(
        _ context: PullContext, _ path: String, _ query: [(String, String)], tally: inout PullTally,
        write: (Bool) -> PullWrite
    ) async throws(SyncFailure) {
        var offset = 0
        var page = 1
        while true {
            let url = context.client.url(path, query + [("limit", "100"), ("offset", String(offset))])
            let answer = try await context.client.get(url)
            var batch = try context.parse(answer, vendor: .pagerduty, name: "GET /\(path) page \(page)")
            let more = batch.envelope.flag("more")
            let count = batch.read
            offset += max(count, 1)
            let last = !more || count == 0 || offset + 100 > Self.maxOffset
            var extra = write(last)
            extra.people = PullContext.people(batch)
            batch.input = "GET /\(path)"
            try context.land(batch, write: extra, into: &tally)
            if last { return }
            page += 1
        }
    }
}
