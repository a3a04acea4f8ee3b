import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

@Suite("Zendesk import")
struct ZendeskImportTests {
    @Test func offsetListOf91RecordedTickets() throws {
        var board = Board()
        let result = try importFixture("zendesk-tickets-list-offset.json", into: &board)
        #expect(result.summary.line == "zendesk: 91 read, 91 new, 0 updated, 0 unchanged, 0 skipped, 0 warnings")
        #expect(result.summary.detected)
        #expect(board.tickets.count == 91)
        #expect(result.outcome.audit.count == 91)
        #expect(result.outcome.audit.allSatisfy { $0.actor == "import:zendesk" && $0.verb == "import.new" })
        #expect(board.tickets.filter { $0.status == .new }.count == 82)
        #expect(board.tickets.filter { $0.status == .pending }.count == 8)
        #expect(board.tickets.filter { $0.priority == nil }.count == 85)
        #expect(board.tickets.filter { $0.priority == .high }.count == 5)
        // 3 tickets without organization are Needs Org (organization nil).
        #expect(board.tickets.filter { $0.organization == nil }.count == 3)

        let first = try #require(board.ticketOrNil(1))
        #expect(first.subject == "Sample ticket: Meet the ticket")
        #expect(first.status == .open)
        #expect(first.priority == .normal)
        #expect(first.createdAt == date("2023-09-09T23:52:05Z"))
        #expect(first.sourceUpdatedAt == date("2024-02-07T00:11:18Z"))
        #expect(first.organization == nil)
        #expect(first.assignee == "user 6130907993114")  // no users sideload: the id, Int64
        // tags sample/support/zendesk and no organization: no plan tag, and the default plan is only for tickets
        // with an organization -> unknown (the Triage policy applies).
        #expect(first.plan == (first.organization == nil ? .unknown : .standard))
        #expect(first.slaBreachAt == nil && !first.slaPaused && first.firstReplyAt == nil)
        #expect(first.revision == 1)

        let last = try #require(board.ticketOrNil(4055))
        #expect(last.subject == "test")
        #expect(last.priority == nil)
        #expect(last.organization == "org 6130869157658")
        #expect(last.assignee == nil)
    }

    @Test func incrementalExportKeepsDeletedTickets() throws {
        var board = Board()
        let result = try importFixture("zendesk-incremental-tickets-cursor.json", into: &board)
        #expect(result.summary.read == 87 && result.summary.new == 87)
        let deleted = try #require(board.ticketOrNil(4034))
        #expect(deleted.status == .deleted)
        #expect(deleted.subject == "SCRUBBED")
        #expect(deleted.priority == .high)
        #expect(deleted.organization == nil)
        #expect(deleted.sourceUpdatedAt == date("2023-10-24T04:19:53Z"))
        #expect(!deleted.awaitsFirstReply)
        let t = try #require(board.ticketOrNil(4035))
        #expect(t.subject == "Testing node-zendesk" && t.status == .new && t.priority == .high)
        #expect(t.createdAt == date("2023-10-24T05:39:13Z"))
    }

    @Test func singleTicketWithSLAs() throws {
        var board = Board()
        let result = try importFixture("zendesk-ticket-with-slas.json", into: &board)
        #expect(result.summary.new == 1)
        let t = try #require(board.ticketOrNil(24))
        #expect(t.subject == "Test SLA")
        #expect(t.status == .open && t.priority == .low)
        #expect(t.createdAt == date("2017-10-25T15:25:50Z"))
        // Only next_reply_time is running: the first reply was sent.
        #expect(t.firstReplyAt == date("2017-10-25T15:59:41Z"))
        #expect(t.slaBreachAt == nil)
        #expect(t.organization == "org 27631063347")
        #expect(t.assignee == "user 25670682267")
        #expect(t.plan == .standard)  // "platinum" is not a configured plan tag
    }

    @Test func singleTicketWithUserSideload() throws {
        var board = Board()
        try importFixture("zendesk-ticket-sideload-users-groups-dates.json", into: &board)
        let t = try #require(board.ticketOrNil(4))
        #expect(t.subject == "nyanyanyanya" && t.priority == .urgent && t.status == .new)
        #expect(t.createdAt == date("2019-06-06T10:02:04Z"))
        #expect(t.assignee == nil)
        #expect(t.organization == "org 360363695492")
    }

    @Test func viewTicketsCursorPage() throws {
        var board = Board()
        let result = try importFixture("zendesk-view-tickets-cursor-page.json", into: &board)
        #expect(result.summary.read == 1)
        let t = try #require(board.ticketOrNil(4029))
        #expect(t.subject == "test" && t.status == .new && t.priority == nil)
        #expect(t.createdAt == date("2023-09-18T23:37:42Z"))
    }

    @Test func slaPoliciesAreNotTickets() throws {
        do {
            _ = try Importer.parse(
                try Fixture.input("zendesk-sla-policies-list.json"), vendor: .zendesk, settings: testSettings)
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.reason.contains("expected a Zendesk ticket"))
            #expect(error.input.hasSuffix("zendesk-sla-policies-list.json"))
        }
    }

    @Test func slaCasesAndSideloads() throws {
        var board = Board()
        let result = try importFixture("edge-zendesk-sla-cases.json", into: &board)
        #expect(result.summary.read == 8 && result.summary.new == 8)
        #expect(result.summary.warnings == 3)  // unknown stage, unknown status, unknown priority

        let several = try #require(board.ticketOrNil(1001))
        #expect(several.firstReplyAt == date("2026-05-07T12:00:00Z"))  // achieved FRT: replied
        #expect(several.slaBreachAt == nil)
        #expect(several.organization == "Acme Corp")
        #expect(several.assignee == "Ada Engineer")
        #expect(several.plan == .priority)
        #expect(several.region == .emea)

        let active = try #require(board.ticketOrNil(1002))
        #expect(active.slaBreachAt == date("2026-05-07T10:30:00Z"))
        #expect(!active.slaPaused && active.firstReplyAt == nil)
        #expect(active.plan == .standard && active.region == .apac && active.organization == "Globex")

        let paused = try #require(board.ticketOrNil(1003))
        #expect(paused.slaPaused && paused.slaBreachAt == nil && paused.firstReplyAt == nil)

        let nullBreach = try #require(board.ticketOrNil(1004))
        #expect(nullBreach.slaBreachAt == nil && !nullBreach.slaPaused && nullBreach.awaitsFirstReply)

        let unknownStage = try #require(board.ticketOrNil(1005))
        #expect(unknownStage.slaBreachAt == nil && !unknownStage.slaPaused && unknownStage.awaitsFirstReply)
        #expect(result.summary.warningMessages.contains { $0.contains("ticket 1005") && $0.contains("breached") })

        let noPolicy = try #require(board.ticketOrNil(1006))
        #expect(noPolicy.organization == nil && noPolicy.priority == nil && noPolicy.plan == .priority)

        let closed = try #require(board.ticketOrNil(1007))
        #expect(closed.status == .closed && !closed.awaitsFirstReply)
        #expect(closed.plan == .licensing)  // form 55 wins over the silver tag

        let custom = try #require(board.ticketOrNil(1008))
        #expect(custom.status == .unknown && custom.priority == nil)
        #expect(result.summary.warningMessages.contains { $0.contains("ticket 1008") && $0.contains("archived") })
    }

    @Test func searchResultsSkipNonTickets() throws {
        var board = Board()
        let result = try importFixture("edge-zendesk-search-results.json", into: &board)
        #expect(result.summary.line == "zendesk: 2 read, 1 new, 0 updated, 0 unchanged, 1 skipped, 0 warnings")
        let t = try #require(board.ticketOrNil(2001))
        #expect(t.subject == "Found by search" && t.priority == .urgent && t.plan == .priority)
    }

    @Test func showManyWithOrganizationsSideload() throws {
        let text = """
            {"tickets":[{"id":77,"subject":"s","status":"open","priority":"high","created_at":"2026-05-07T10:00:00Z",
            "updated_at":"2026-05-07T10:00:00Z","organization_id":6130907993114,"tags":["gold"]}],
            "organizations":[{"id":6130907993114,"name":"Big Org"}],"next_page":null,"previous_page":null,"count":1}
            """
        var board = Board()
        try importText(text, into: &board)
        #expect(board.ticketOrNil(77)?.organization == "Big Org")
    }
}
