import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

/// Issue 17, items 3, 5 and 6: urgency not set, pending tickets, vendor error bodies.
@Suite("Partial payloads")
struct PartialPayloadTests {
    @Test("a GitLab issue without urgency warns naming the issue; respond-by from escalation_minutes.unknown")
    func urgencyNotSet() throws {
        var board = Board()
        let result = try importFixture("gitlab-project-issues-list-docs.json", into: &board)
        #expect(result.summary.warnings == 1)
        #expect(result.summary.warningMessages.first?.contains("escalation my-group/my-project#1: urgency not set") == true)
        let e = try #require(board.escalationOrNil(1))
        #expect(e.urgency == .unknown && e.project == "my-group/my-project" && e.projectId == 4)
        var config = OnCallConfig.gitlabDefaults
        #expect(config.respondBy(for: e) == e.announcedAt.addingTimeInterval(120 * 60))
        config.escalationMinutes[.unknown] = 45
        #expect(config.respondBy(for: e) == e.announcedAt.addingTimeInterval(45 * 60))
    }

    @Test("pending tickets without SLA data count as replied (configurable); an FRT metric still decides")
    func pendingWithoutSLA() throws {
        var board = Board()
        try importFixture("zendesk-tickets-list-offset.json", into: &board)
        let pending = board.tickets.filter { $0.status == .pending }
        #expect(!pending.isEmpty && pending.allSatisfy { $0.firstReplyAt != nil })
        #expect(board.tickets.filter { $0.status == .open }.contains { $0.firstReplyAt == nil })

        var off = testSettings
        off.zendeskPendingReplied = false
        var strict = Board()
        try importFixture("zendesk-tickets-list-offset.json", into: &strict, settings: off)
        #expect(strict.tickets.filter { $0.status == .pending }.allSatisfy { $0.firstReplyAt == nil })

        var active = Board()
        try importFixture("identity-zendesk-pending-frt-active.json", into: &active)
        let t = try #require(active.ticketOrNil(24))
        #expect(t.status == .pending && t.firstReplyAt == nil && t.slaBreachAt == date("2017-10-26T15:59:41Z"))
    }

    @Test("a Zendesk error body is reported with Zendesk's own error and description")
    func vendorErrorBody() throws {
        do {
            _ = try Importer.parse(
                try Fixture.input("zendesk-error-record-not-found.json"), vendor: .zendesk, settings: testSettings)
            Issue.record("expected an error")
        } catch {
            #expect((error as? ImportError)?.reason == "Zendesk answered with an error: RecordNotFound: Not found")
        }
    }
}
