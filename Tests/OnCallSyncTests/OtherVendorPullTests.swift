import Foundation
import OnCallRules
import OnCallStore
import OnCallVendorFake
import Testing

@testable import OnCallSync

@Suite("Zendesk, PagerDuty and Slack pulls against the local fake", .serialized)
struct OtherVendorPullTests {
    @Test("Zendesk export: every page lands with SLAs and real names; the cursor is kept and resumed")
    func zendeskExport() async throws {
        let h = try SyncHarness()
        let g = SyncHarness.generator(tickets: 250)
        h.fake.edit {
            $0.tickets = (0..<250).map(g.ticket)
            $0.zendeskPageSize = 100
        }
        h.enable(.zendesk)
        let engine = h.engine()
        let report = await engine.pull(.zendesk)
        #expect(report.ok, "\(report.line)")
        #expect(report.tally.pages == 3)
        #expect(try h.store.counts().tickets == 250)
        let requests = h.fake.requests
        #expect(requests[0].value("start_time") != nil)
        #expect(requests.allSatisfy { $0.value("include") == "slas,users,organizations" })
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Bearer test-token-zendesk" })
        #expect(requests.dropFirst().allSatisfy { $0.value("cursor") != nil })
        let cursor = try h.store.cursors(source: "zendesk")["after_cursor"]
        #expect(cursor != nil)
        let board = try h.store.loadBoard(now: Date())
        #expect(board.tickets.allSatisfy { !($0.organization ?? "").hasPrefix("org ") })
        #expect(try h.store.people().contains { $0.zendeskId != nil && $0.email != nil })

        h.fake.clearRequests()
        let again = await engine.pull(.zendesk)
        #expect(again.tally.new == 0 && again.tally.updated == 0)
        #expect(h.fake.requests.count == 1)
        #expect(h.fake.requests[0].value("cursor") == cursor)
        await h.close()
    }

    @Test("Zendesk view: cursor paging with page[after] while meta.has_more")
    func zendeskView() async throws {
        let h = try SyncHarness()
        let g = SyncHarness.generator(tickets: 230)
        h.fake.edit { $0.tickets = (0..<230).map(g.ticket) }
        h.config.sources.zendesk.viewId = 360_000_001
        h.config.sources.zendesk.email = "mgr@example.com"
        h.enable(.zendesk)
        let report = await h.engine().pull(.zendesk)
        #expect(report.ok, "\(report.line)")
        #expect(report.tally.pages == 3)
        #expect(try h.store.counts().tickets == 230)
        let requests = h.fake.requests
        #expect(requests[0].value("page[size]") == "100" && requests[0].value("page[after]") == nil)
        #expect(requests[1].value("page[after]") == "v100")
        let basic = Data("mgr@example.com/token:test-token-zendesk".utf8).base64EncodedString()
        #expect(requests[0].headers["authorization"] == "Basic \(basic)")
        await h.close()
    }

    @Test("Zendesk export: the 10-a-minute budget holds requests back")
    func zendeskBudget() async throws {
        let window = RequestWindow(limit: 2, window: 1)
        let start = Date()
        for _ in 0..<3 { try await window.acquire() }
        #expect(Date().timeIntervalSince(start) >= 0.95)
    }

    @Test("PagerDuty: open incidents with date_range=all, offset paging, resolved since, on-calls into the rota")
    func pagerduty() async throws {
        let h = try SyncHarness()
        let g = SyncHarness.generator(emergencies: 40)
        let now = Date()
        h.fake.edit {
            $0.emergencies = (0..<40).map(g.emergency)
            $0.pagerdutyPageSize = 4
            $0.oncalls = [
                FakeOnCall(
                    name: "Amara Osei", userId: "PAMARA1", email: "amara@example.com", schedule: "Support Managers - EMEA",
                    start: now.addingTimeInterval(-3600), end: now.addingTimeInterval(7200))
            ]
        }
        h.enable(.pagerduty)
        let engine = h.engine()
        let report = await engine.pull(.pagerduty)
        #expect(report.ok, "\(report.line)")
        let requests = h.fake.requests
        #expect(requests.allSatisfy { $0.headers["accept"] == "application/vnd.pagerduty+json;version=2" })
        #expect(requests.allSatisfy { $0.headers["authorization"] == "Token token=test-token-pagerduty" })
        let open = requests.filter { $0.path == "/incidents" && $0.values("statuses[]") == ["triggered", "acknowledged"] }
        #expect(open.count == 3)  // 10 active, 4 a page
        #expect(open.allSatisfy { $0.value("date_range") == "all" })
        #expect(open.map { $0.value("offset") } == ["0", "4", "8"])
        let resolved = requests.filter { $0.values("statuses[]") == ["resolved"] }
        #expect(!resolved.isEmpty && resolved.allSatisfy { $0.value("since") != nil })
        #expect(try h.store.counts().openEmergencies == 10)
        #expect(try h.store.counts().rota == 1)
        let rota = try h.store.loadBoard(now: now).rota
        #expect(rota.first?.region == .emea)
        let amara = try h.store.people().first { $0.name == "Amara Osei" }
        #expect(amara?.pagerdutyId == "PAMARA1" && amara?.email == "amara@example.com")
        #expect(try h.store.cursors(source: "pagerduty")["resolved_since"] != nil)

        let audit = try h.store.auditLog(limit: 10_000).count
        let again = await engine.pull(.pagerduty)
        #expect(again.ok && again.tally.new == 0 && again.tally.updated == 0)
        #expect(try h.store.auditLog(limit: 10_000).count == audit)
        await h.close()
    }

    @Test("Slack: the announcement carrying the issue URL is kept with its channel and ts")
    func slack() async throws {
        let h = try SyncHarness()
        let g = SyncHarness.generator(escalations: 10)
        let escalations = (0..<10).map(g.escalation)
        let open = escalations.filter(\.state.isOpen)
        h.fake.edit {
            $0.escalations = escalations
            $0.slackPageSize = 2
            var ts = 1_733_150_000
            for e in open {
                ts += 10
                $0.slackMessages.append(
                    FakeSlackMessage(
                        channel: "CESCAL", ts: "\(ts).000100", user: "U1",
                        text: "New escalation <https://gitlab.com/gitlab-com/support/escalations/-/issues/\(e.id)|#\(e.id)>"))
                $0.slackMessages.append(
                    FakeSlackMessage(channel: "CESCAL", ts: "\(ts + 1).000100", user: "U2", text: "looking"))
            }
        }
        h.enable(.gitlab, .slack)
        let engine = h.engine()
        _ = await engine.pull(.gitlab)
        let report = await engine.pull(.slack)
        #expect(report.ok, "\(report.line)")
        let links = try h.store.escalationLinks()
        #expect(links.values.filter { $0.slackTs != nil }.count == open.count)
        #expect(links.values.allSatisfy { $0.slackChannel == nil || $0.slackChannel == "CESCAL" })
        let oldest = try h.store.cursors(source: "slack")["oldest"]
        #expect(oldest != nil)
        h.fake.clearRequests()
        _ = await engine.pull(.slack)
        #expect(h.fake.requests.count == 1 && h.fake.requests[0].value("oldest") == oldest)
        await h.close()
    }

    @Test("Slack: ok:false invalid_auth names the token variable")
    func slackAuth() async throws {
        let h = try SyncHarness()
        h.enable(.slack)
        h.fake.inject(.status(200, "{\"ok\":false,\"error\":\"invalid_auth\"}"), prefix: "/conversations", count: nil)
        let report = await h.engine().pull(.slack)
        #expect(report.line == "slack: failed: 401 check $ONCALL_SLACK_TOKEN")
        await h.close()
    }
}
