import Foundation
import OnCallImport
import OnCallRules
import OnCallStore

/// GitLab: the escalation project's open issues the first time, then its issues updated since the
/// high-water mark, oldest first, 100 a page,
/// following `Link: rel="next"` (or `x-next-page`). Each page commits with the newest `updated_at` it held;
/// the next pull asks from a minute before it (`updated_after` is inclusive and clocks differ), and the
/// idempotent merge absorbs the repeats.
struct GitLabPuller: Puller {
    static let overlap: TimeInterval = 60
    static let cursorName = "updated_after"
    /// Pages one pull follows at most (a runaway `next` link cannot loop forever).
    static let maxPages = 1_000

    func pull(_ context: PullContext) async throws(SyncFailure) -> PullTally {
        let project = context.settings.project
        let path = "api/v4/projects/\(VendorClient.escape(project))/issues"
        let mark = try context.cursors()[Self.cursorName].flatMap(ISOTime.parse)
        var query = [("order_by", "updated_at"), ("sort", "asc"), ("per_page", "100")]
        if let mark {
            query.append(("updated_after", ISOTime.text(mark.addingTimeInterval(-Self.overlap))))
        } else {
            // The first pull takes every open issue, however old; later ones whatever changed since.
            query.append(("state", "opened"))
        }
        var url = context.client.url(path, query)
        var tally = PullTally()
        var highWater = mark
        for page in 1...Self.maxPages {
            let answer = try await context.client.get(url)
            let batch = try context.parse(answer, vendor: .gitlab, name: "GET \(path) page \(page)")
            for e in batch.escalations {
                if let updated = e.sourceUpdatedAt, highWater.map({ updated > $0 }) ?? true { highWater = updated }
            }
            var write = PullWrite()
            if let highWater { write.cursors[Self.cursorName] = ISOTime.text(highWater) }
            let base = context.settings.url
            write.links = batch.escalations.compactMap { e in
                guard let iid = e.iid else { return nil }
                return EscalationLink(
                    projectId: e.projectId, project: e.project, iid: iid,
                    webURL: e.project.map { "\(base)/\($0)/-/issues/\(iid)" })
            }
            write.people = PullContext.people(batch)
            try context.land(batch, write: write, into: &tally)
            if let next = answer.headers["link"].flatMap(Self.nextLink), let nextURL = context.client.sameOrigin(next) {
                url = nextURL
            } else if let nextPage = answer.headers["x-next-page"], !nextPage.isEmpty, Int(nextPage) != nil {
                query.removeAll { $0.0 == "page" }
                query.append(("page", nextPage))
                url = context.client.url(path, query)
            } else {
                break
            }
        }
        return tally
    }

    /// The `rel="next"` target of a `Link` header.
    static func nextLink(_ header: String) -> String? {
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count >= 2, pieces.dropFirst().contains(where: { $0 == "rel=\"next\"" || $0 == "rel=next" })
            else { continue }
            let target = pieces[0]
            if target.hasPrefix("<"), target.hasSuffix(">") { return String(target.dropFirst().dropLast()) }
        }
        return nil
    }
}
