import Foundation
import OnCallRules
import OnCallStore
import OnCallVendorFake
import Testing

@testable import OnCallSync

@Suite("Vendor failures: rate limits, errors, hangs, bad answers", .serialized)
struct FailureTests {
    static func harness(requestTimeout: TimeInterval = 30) throws -> SyncHarness {
        let h = try SyncHarness(requestTimeout: requestTimeout)
        let g = SyncHarness.generator(escalations: 20, emergencies: 8)
        h.fake.edit {
            $0.escalations = (0..<20).map(g.escalation)
            $0.emergencies = (0..<8).map(g.emergency)
        }
        h.enable(.gitlab, .pagerduty)
        return h
    }

    @Test("429 with Retry-After: no request before the wait is over, then the pull lands")
    func retryAfter() async throws {
        let h = try Self.harness()
        h.fake.inject(.rateLimit(retryAfter: 1), prefix: "/api/v4", count: 1)
        let report = await h.engine().pull(.gitlab)
        #expect(report.ok, "\(report.line)")
        let requests = h.fake.requests
        #expect(requests.count == 2)
        #expect(requests[1].at - requests[0].at >= 0.99)
        #expect(try h.store.counts().escalations == 4)
        await h.close()
    }

    @Test("a source answering 500 fails alone: the store holds nothing of it, the other source lands")
    func serverError() async throws {
        let h = try Self.harness()
        h.fake.inject(.status(500, "{\"error\":\"boom\"}"), prefix: "/incidents", count: nil)
        let reports = await h.engine().pullAll()
        let gitlab = reports.first { $0.source == .gitlab }!
        let pagerduty = reports.first { $0.source == .pagerduty }!
        #expect(gitlab.ok)
        #expect(!pagerduty.ok)
        #expect(pagerduty.line.contains("HTTP 500"))
        #expect(try h.store.counts().emergencies == 0)
        #expect(try h.store.cursors(source: "pagerduty").isEmpty)
        #expect(try h.store.counts().escalations == 4)
        // 1 try + 2 retries, then it gives up.
        #expect(h.fake.requests.filter { $0.path == "/incidents" }.count == 3)
        let status = try h.store.sourceStatus()["pagerduty"]!
        #expect(status.lastError?.contains("500") == true)
        #expect(status.failingSince != nil && status.lastSuccessAt == nil)
        await h.close()
    }

    @Test("401 names the token variable to fix, and the token never appears in the error")
    func unauthorized() async throws {
        let h = try Self.harness()
        h.fake.inject(.status(401, "{\"error\":\"invalid token test-token-gitlab\"}"), prefix: "/api/v4", count: nil)
        let report = await h.engine().pull(.gitlab)
        #expect(!report.ok)
        #expect(report.line == "gitlab: failed: 401 check $ONCALL_GITLAB_TOKEN")
        #expect(h.fake.requests.count == 1)
        await h.close()
    }

    @Test("malformed JSON fails the source with the reader's words and writes nothing")
    func malformed() async throws {
        let h = try Self.harness()
        h.fake.inject(.malformed, prefix: "/api/v4", count: nil)
        let report = await h.engine().pull(.gitlab)
        #expect(!report.ok)
        #expect(report.error?.hasPrefix("bad answer") == true)
        #expect(try h.store.counts().escalations == 0)
        await h.close()
    }

    @Test("a hanging vendor is cut off by the request timeout and does not hold up the other source")
    func hang() async throws {
        let h = try Self.harness(requestTimeout: 1)
        h.options.retry.retries = 0
        h.fake.inject(.hang, prefix: "/incidents", count: nil)
        let reports = await h.engine().pullAll()
        #expect(reports.first { $0.source == .gitlab }!.ok)
        #expect(reports.first { $0.source == .pagerduty }!.error == "timed out")
        #expect(try h.store.counts().escalations == 4)
        await h.close()
    }

    @Test("plain http to anything but loopback is refused before any request")
    func refusesPlainHTTP() async throws {
        #expect(!SyncHTTP.isAllowed(URL(string: "http://example.com/api")!))
        #expect(SyncHTTP.isAllowed(URL(string: "https://example.com/api")!))
        #expect(SyncHTTP.isAllowed(URL(string: "http://127.0.0.1:8080/api")!))
    }
}
