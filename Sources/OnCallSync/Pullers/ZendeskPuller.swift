import Foundation
import OnCallImport
import OnCallRules
import OnCallStore

/// Zendesk. Without a view: the incremental cursor export (`start_time` the first time, then the stored
/// `after_cursor` until `end_of_stream`), each page committed with the cursor that follows it, at most 10
/// requests a minute. With `view_id`: the view's tickets with cursor paging (`page[after]` while
/// `meta.has_more`). Both with `include=slas,users,organizations`, so SLA clocks and names are real.
struct ZendeskPuller: Puller {
    static let cursorName = "after_cursor"
    static let maxPages = 2_000
    static let sideloads = ("include", "slas,users,organizations")
    /// The export's own budget, shared by every pull of this process.
    let exportWindow: RequestWindow

    func pull(_ context: PullContext) async throws(SyncFailure) -> PullTally {
        context.settings.viewId > 0 ? try await pullView(context) : try await pullExport(context)
    }

    private func pullExport(_ context: PullContext) async throws(SyncFailure) -> PullTally {
        let path = "api/v2/incremental/tickets/cursor.json"
        var cursor = try context.cursors()[Self.cursorName]
        var tally = PullTally()
        for page in 1...Self.maxPages {
            let query: [(String, String)]
            if let cursor {
                query = [("cursor", cursor), Self.sideloads]
            } else {
                let start = context.now().addingTimeInterval(-PullContext.firstPullLookback)
                query = [("start_time", String(Int(start.timeIntervalSince1970))), Self.sideloads]
            }
            try await exportWindow.acquire()
            let answer = try await context.client.get(context.client.url(path, query))
            let batch = try context.parse(answer, vendor: .zendesk, name: "GET \(path) page \(page)")
            var write = PullWrite(people: PullContext.people(batch))
            let next = batch.envelope["after_cursor"]
            if let next, !next.isEmpty { write.cursors[Self.cursorName] = next }
            try context.land(batch, write: write, into: &tally)
            if batch.envelope.flag("end_of_stream") || next == nil || next == cursor { break }
            cursor = next
        }
        return tally
    }

    private func pullView(_ context: PullContext) async throws(SyncFailure) -> PullTally {
        let path = "api/v2/views/\(context.settings.viewId)/tickets"
        var after: String?
        var tally = PullTally()
        for page in 1...Self.maxPages {
            var query = [("page[size]", "100"), Self.sideloads]
            if let after { query.append(("page[after]", after)) }
            let answer = try await context.client.get(context.client.url(path, query))
            let batch = try context.parse(answer, vendor: .zendesk, name: "GET \(path) page \(page)")
            try context.land(batch, write: PullWrite(people: PullContext.people(batch)), into: &tally)
            guard batch.envelope.flag("meta.has_more"), let next = batch.envelope["meta.after_cursor"], next != after
            else { break }
            after = next
        }
        return tally
    }
}
