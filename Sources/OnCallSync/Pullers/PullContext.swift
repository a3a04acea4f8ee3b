import Foundation
import OnCallImport
import OnCallRules
import OnCallStore

/// What a puller works with: the vendor's client, the store, the mapping settings and the clock.
struct PullContext: Sendable {
    let kind: SourceKind
    let client: VendorClient
    let store: Store
    let config: OnCallConfig
    let settings: SourceSettings
    let now: @Sendable () -> Date

    /// The audit actor of this source's changes.
    var actor: String { "sync:\(kind.rawValue)" }

    /// How far back the first pull of a source looks (there is no cursor yet).
    static let firstPullLookback: TimeInterval = 14 * 86_400

    /// Parses one page with the importer's reader for `vendor`, naming the request in any problem.
    func parse(_ answer: HTTPAnswer, vendor: Vendor, name: String) throws(SyncFailure) -> ImportBatch {
        do {
            return try Importer.parse(.bytes(answer.body, name: name), vendor: vendor, settings: config.imports)
        } catch {
            throw .malformed(String(error.description.prefix(200)))
        }
    }

    /// Merges a page with the importer's rules and commits it with its cursors, people and links.
    func land(_ batch: ImportBatch, write: PullWrite, into tally: inout PullTally) throws(SyncFailure) {
        var summary: ImportSummary?
        do {
            try store.performPull(source: kind.rawValue) { records in
                let result = try ImportMerge.merge(batch, records: records, now: now(), actor: actor)
                summary = result.summary
                return (result.outcome, write)
            }
        } catch {
            throw .store(String("\(error)".prefix(200)))
        }
        tally.pages += 1
        if let summary {
            tally.read += summary.read
            tally.new += summary.new
            tally.updated += summary.updated
            tally.unchanged += summary.unchanged
        }
    }

    /// The people a page named, for the directory.
    static func people(_ batch: ImportBatch) -> [PulledPerson] {
        batch.people.map {
            PulledPerson(
                name: $0.name, email: $0.email, pagerdutyId: $0.pagerdutyId, gitlabUsername: $0.gitlabUsername,
                gitlabId: $0.gitlabId, zendeskId: $0.zendeskId)
        }
    }

    /// The committed cursors of this source.
    func cursors() throws(SyncFailure) -> [String: String] {
        do { return try store.cursors(source: kind.rawValue) } catch { throw .store(String("\(error)".prefix(200))) }
    }
}

/// One vendor's pull: every page of what changed since the committed cursor, each page landed as it comes.
protocol Puller: Sendable {
    func pull(_ context: PullContext) async throws(SyncFailure) -> PullTally
}
