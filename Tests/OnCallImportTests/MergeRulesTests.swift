import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

@Suite("Import merge rules")
struct MergeRulesTests {
    static let everyFixture = [
        "zendesk-tickets-list-offset.json", "zendesk-incremental-tickets-cursor.json", "zendesk-ticket-with-slas.json",
        "zendesk-ticket-sideload-users-groups-dates.json", "zendesk-view-tickets-cursor-page.json",
        "edge-zendesk-sla-cases.json", "edge-zendesk-search-results.json", "pagerduty-incidents-list.json",
        "pagerduty-incident-get.json", "pagerduty-oncalls-list.json", "pagerduty-webhook-v3-incident-triggered.json",
        "pagerduty-webhook-v3-incident-acknowledged.json", "pagerduty-webhook-v3-incident-escalated.json",
        "pagerduty-webhook-v3-incident-reassigned.json", "pagerduty-webhook-v3-incident-resolved.json",
        "pagerduty-webhook-v3-incident-annotated.json", "edge-pagerduty-ticket-title.json",
        "gitlab-project-issues-list-docs.json", "gitlab-issue-webhook-docs.json",
        "gitlab-issue-webhook-recorded-two-assignees.json", "gitlab-work-item-webhook-recorded-incident.json",
        "edge-gitlab-escalations.json", "edge-gitlab-webhook-scoped-label-objects.json",
    ]

    @Test(arguments: everyFixture)
    func reimportChangesNothing(_ name: String) throws {
        var board = Board()
        let first = try importFixture(name, into: &board)
        #expect(first.summary.new + first.summary.updated + first.summary.skipped > 0)
        let before = board
        let second = try importFixture(name, into: &board)
        #expect(second.outcome.changes.isEmpty)
        #expect(second.outcome.audit.isEmpty)
        #expect(second.summary.new == 0 && second.summary.updated == 0)
        #expect(board == before)
    }

    @Test func oneAuditEventPerChangedRecordWithDiff() throws {
        var board = Board(tickets: [
            Ticket(
                id: 1002, subject: "old subject", organization: "Globex", plan: .standard, priority: .urgent,
                status: .new, createdAt: date("2026-05-07T10:00:00Z"), sourceUpdatedAt: date("2026-05-07T09:00:00Z"),
                revision: 4)
        ])
        let result = try importFixture("edge-zendesk-sla-cases.json", into: &board)
        let event = try #require(result.outcome.audit.first { $0.target == RecordRef(.ticket, 1002) })
        #expect(event.verb == "import.update" && event.actor == "import:zendesk" && event.at == now)
        #expect(event.before?.contains("subject=old subject") == true)
        #expect(event.after?.contains("subject=FRT active") == true)
        #expect(event.after?.contains("revision") == false)
        #expect(result.summary.updated == 1 && result.summary.new == 7)
        #expect(board.ticketOrNil(1002)?.revision == 5)
    }

    @Test func staleTicketChangesNothing() throws {
        let newer = Ticket(
            id: 1002, subject: "newer", status: .open, createdAt: date("2026-05-07T10:00:00Z"),
            sourceUpdatedAt: date("2026-05-08T00:00:00Z"), revision: 2)
        var board = Board(tickets: [newer])
        let result = try importFixture("edge-zendesk-sla-cases.json", into: &board)
        #expect(board.ticketOrNil(1002) == newer)
        #expect(!result.outcome.changes.contains { $0.ref == RecordRef(.ticket, 1002) })
    }

    @Test func managersReplyAndStoredSLAAreKept() throws {
        let replied = Ticket(
            id: 2001, subject: "Found by search", createdAt: date("2026-05-07T10:00:00Z"),
            firstReplyAt: date("2026-05-07T10:02:00Z"), slaBreachAt: date("2026-05-07T10:30:00Z"),
            sourceUpdatedAt: date("2026-05-07T10:00:00Z"), revision: 1)
        var board = Board(tickets: [replied])
        try importFixture("edge-zendesk-search-results.json", into: &board)
        let t = try #require(board.ticketOrNil(2001))
        #expect(t.firstReplyAt == date("2026-05-07T10:02:00Z"))  // the manager's reply stays
        #expect(t.slaBreachAt == date("2026-05-07T10:30:00Z"))  // search gives no slas: stored deadline kept
        #expect(t.priority == .urgent)  // the source's fields are taken
    }

    @Test func escalationKeepsManagersAcknowledgementAndOwner() throws {
        let managed = Escalation(
            id: 101, title: "old", urgency: .timely, state: .assigned, announcedAt: date("2026-05-07T08:00:00Z"),
            acknowledgedBy: "mia", acknowledgedAt: date("2026-05-07T08:03:00Z"), owner: "olu",
            labels: ["Escalation::Response-Time"], sourceUpdatedAt: date("2026-05-07T08:00:00Z"), revision: 3)
        var board = Board(escalations: [managed])
        try importFixture("edge-gitlab-escalations.json", into: &board)
        let e = try #require(board.escalationOrNil(101))
        #expect(e.state == .assigned && e.owner == "olu" && e.acknowledgedBy == "mia")
        #expect(e.urgency == .urgent && e.title == "STAR: license will not apply")
        #expect(e.labels == ["Escalation::Response-Time", "Escalation::License-Issue"])
    }

    @Test func newerSourceClosesAManagedEscalation() throws {
        let managed = Escalation(
            id: 103, title: "t", urgency: .notUrgent, state: .assigned, announcedAt: date("2026-05-06T09:00:00Z"),
            acknowledgedBy: "mia", owner: "olu", sourceUpdatedAt: date("2026-05-06T09:00:00Z"))
        var board = Board(escalations: [managed])
        try importFixture("edge-gitlab-escalations.json", into: &board)
        let e = try #require(board.escalationOrNil(103))
        #expect(e.state == .rejected && e.owner == "olu")
    }

    @Test func importNeverReopensAnEscalationTheManagerResolved() throws {
        let resolved = Escalation(
            id: 102, title: "t", urgency: .timely, state: .resolved, announcedAt: date("2026-05-07T09:00:00Z"),
            resolutionComment: "done", closedAt: date("2026-05-07T09:30:00Z"))
        var board = Board(escalations: [resolved])
        try importFixture("edge-gitlab-escalations.json", into: &board)
        let e = try #require(board.escalationOrNil(102))
        #expect(e.state == .resolved && e.resolutionComment == "done" && e.closedAt == date("2026-05-07T09:30:00Z"))
    }

    @Test func emergencyKeepsLeadHandoffsChecklistAndAcknowledgement() throws {
        let managed = Emergency(
            id: 37, title: "Acme down", pagedAt: date("2025-04-07T03:47:00Z"), engineer: "Ben",
            engineerAcknowledgedAt: date("2025-04-07T03:47:10Z"), lead: "mia", state: .acknowledged,
            handoffs: [Handoff(from: "ann", to: "mia", at: date("2025-04-07T03:48:00Z"), note: "call in progress")],
            incidentId: "Q2CKYRLH85UNN4", compromised: true, checklistDone: ["rotate-keys"], revision: 7)
        var board = Board(emergencies: [managed])
        try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &board)
        var e = try #require(board.emergencyOrNil(37))
        #expect(e.state == .acknowledged)  // a source "triggered" does not undo the acknowledgement
        #expect(
            e.lead == "mia" && e.handoffs == managed.handoffs && e.checklistDone == ["rotate-keys"] && e.compromised)
        #expect(e.engineerAcknowledgedAt == date("2025-04-07T03:47:10Z"))
        #expect(e.pagedAt == date("2025-04-07T03:47:00Z"))
        #expect(e.incidentId == "Q2CKYRLH85UNN4" && e.incidentNumber == 37)
        #expect(e.title == "Acme down")  // the manager's title, not the page's

        try importFixture("pagerduty-webhook-v3-incident-resolved.json", into: &board)
        e = try #require(board.emergencyOrNil(37))
        #expect(e.state == .resolved)  // a newer source closes it
        #expect(e.lead == "mia" && e.handoffs.count == 1)
    }

    @Test func summaryIsCodable() throws {
        let summary = ImportSummary(
            vendor: .zendesk, input: "-", read: 91, new: 12, updated: 3, unchanged: 76, warnings: 2,
            warningMessages: ["a", "b"])
        #expect(summary.line == "zendesk: 91 read, 12 new, 3 updated, 76 unchanged, 0 skipped, 2 warnings")
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(ImportSummary.self, from: data) == summary)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"vendor\":\"zendesk\""))
    }

    @Test func outcomeConvenienceMatchesMerge() throws {
        let batch = try Importer.parse(try Fixture.input("edge-gitlab-escalations.json"), settings: testSettings)
        let board = Board()
        #expect(
            try ImportMerge.outcome(batch, records: board, now: now)
                == ImportMerge.merge(batch, records: board, now: now).outcome)
    }

    @Test func subMillisecondDateNoiseFromAStoreIsUnchanged() throws {
        var board = Board()
        try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &board)
        // A store that keeps dates as text with milliseconds may give back a slightly different Double.
        board.emergencies[0].sourceUpdatedAt = board.emergencies[0].sourceUpdatedAt!.addingTimeInterval(0.000_000_1)
        let again = try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &board)
        #expect(again.outcome.isEmpty && again.summary.unchanged == 1)
    }

    @Test func longSubjectChangeIsSeenBeyondTheAuditCut() throws {
        let long = String(repeating: "a", count: 300)
        var board = Board()
        try importText(
            #"{"ticket":{"id":5,"subject":"\#(long)x","status":"open","created_at":"2026-05-07T10:00:00Z"}}"#,
            vendor: .zendesk, into: &board)
        let result = try importText(
            #"{"ticket":{"id":5,"subject":"\#(long)y","status":"open","created_at":"2026-05-07T10:00:00Z"}}"#,
            vendor: .zendesk, into: &board)
        #expect(result.summary.updated == 1)
        #expect(board.ticketOrNil(5)?.subject.hasSuffix("y") == true)
        #expect((result.outcome.audit.first?.after?.count ?? 0) < 200)
    }

    @Test func indexedLookupMergesLikeTheBoard() throws {
        var board = Board()
        try importFixture("zendesk-tickets-list-offset.json", into: &board)
        let batch = try Importer.parse(try Fixture.input("edge-zendesk-sla-cases.json"), settings: testSettings)
        #expect(
            try ImportMerge.merge(batch, records: IndexedLookup(board), now: now)
                == ImportMerge.merge(batch, records: board, now: now))
    }
}
