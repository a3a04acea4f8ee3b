import Foundation
import OnCallRules
import OnCallStore
import OnCallVendorFake
import Testing

@testable import OnCallSync

@Suite("GitLab pull against the local fake", .serialized)
struct GitLabPullTests {
    /// 60 escalations, 12 open, served 5 a page.
    static func harness() throws -> SyncHarness {
        let h = try SyncHarness()
        let g = SyncHarness.generator(escalations: 60)
        h.fake.edit {
            $0.escalations = (0..<60).map(g.escalation)
            $0.gitlabPageSize = 5
        }
        h.enable(.gitlab)
        return h
    }

    @Test("a multi-page pull lands every open issue, audited as sync:gitlab, with its web URL")
    func multiPage() async throws {
        let h = try Self.harness()
        let report = await h.engine().pull(.gitlab)
        #expect(report.ok, "\(report.line)")
        #expect(report.tally.pages == 3)
        #expect(report.tally.new == 12)
        #expect(try h.store.counts().escalations == 12)
        let audit = try h.store.auditLog(limit: 100)
        #expect(audit.count == 12)
        #expect(audit.allSatisfy { $0.actor == "sync:gitlab" })
        let requests = h.fake.requests
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.headers["private-token"] == "test-token-gitlab" })
        #expect(requests.allSatisfy { $0.rawPath == "/api/v4/projects/gitlab-com%2Fsupport%2Fescalations/issues" })
        #expect(requests[0].value("state") == "opened")
        #expect(try h.store.cursors(source: "gitlab")["updated_after"] != nil)
        let links = try h.store.escalationLinks()
        #expect(links.count == 12)
        #expect(links.values.allSatisfy { $0.webURL?.contains("/gitlab-com/support/escalations/-/issues/") == true })
        #expect(try h.store.people().contains { $0.gitlabUsername != nil })
        await h.close()
    }

    @Test("a second pull with nothing new changes nothing and asks only for what changed since the mark")
    func secondPull() async throws {
        let h = try Self.harness()
        let engine = h.engine()
        _ = await engine.pull(.gitlab)
        let auditBefore = try h.store.auditLog(limit: 1000).count
        h.fake.clearRequests()
        let report = await engine.pull(.gitlab)
        #expect(report.ok)
        #expect(report.tally.new == 0 && report.tally.updated == 0)
        #expect(try h.store.auditLog(limit: 1000).count == auditBefore)
        let requests = h.fake.requests
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.value("updated_after") != nil && $0.value("state") == nil })
        // Only the overlap window comes back, not the whole project.
        #expect(report.tally.read < 12)
        await h.close()
    }

    @Test("a change at the vendor lands as an update; a manager's acknowledgement is kept")
    func update() async throws {
        let h = try Self.harness()
        let engine = h.engine()
        _ = await engine.pull(.gitlab)
        let open = try h.store.loadBoard(now: Date()).escalations.first!
        try h.store.perform { records in
            var e = try records.escalation(open.id)!
            e.acknowledgedBy = "Manager Mia"
            e.acknowledgedAt = Date()
            e.state = .acknowledged
            return Outcome(changes: [.escalation(e)], message: "ack")
        }
        h.fake.edit { vendors in
            let i = vendors.escalations.firstIndex { $0.id == open.iid }!
            vendors.escalations[i].title = "Renamed at GitLab"
            vendors.escalations[i].sourceUpdatedAt = Date()
        }
        let report = await engine.pull(.gitlab)
        #expect(report.tally.updated == 1)
        let after = try h.store.lookup { try $0.escalation(open.id) }!
        #expect(after.title == "Renamed at GitLab")
        #expect(after.acknowledgedBy == "Manager Mia")
        #expect(after.state == .acknowledged)
        await h.close()
    }
}
