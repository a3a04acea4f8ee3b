import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

@Suite("GitLab import")
struct GitLabImportTests {
    @Test func issuesListDocs() throws {
        var board = Board()
        let result = try importFixture("gitlab-project-issues-list-docs.json", into: &board)
        #expect(result.summary.vendor == .gitlab && result.summary.detected && result.summary.new == 1)
        let e = try #require(board.escalationOrNil(1))
        #expect(e.title == "Ut commodi ullam eos dolores perferendis nihil sunt.")
        #expect(e.state == .resolved)  // closed, no De-Escalation label
        #expect(e.closedAt == date("2016-01-05T15:31:46.176Z"))
        #expect(e.announcedAt == date("2016-01-04T15:31:46.176Z"))
        #expect(e.labels.isEmpty)  // foo, bar are not Escalation:: labels
        #expect(e.urgency == .unknown && e.customer == nil && e.ticket == nil)
        #expect(e.owner == nil)
    }

    @Test func issueWebhookDocs() throws {
        var board = Board()
        try importFixture("gitlab-issue-webhook-docs.json", into: &board)
        let e = try #require(board.escalationOrNil(23))
        #expect(e.title == "New API: create/update/delete file")
        #expect(e.state == .new)
        #expect(e.announcedAt == date("2013-12-03T17:15:43Z"))
        #expect(e.sourceUpdatedAt == date("2013-12-03T17:15:43Z"))
    }

    @Test func legacyTimestampWebhook() throws {
        var board = Board()
        try importFixture("gitlab-issue-webhook-recorded-two-assignees.json", into: &board)
        let e = try #require(board.escalationOrNil(2))
        #expect(e.title == "Zulip Test Issue 2" && e.state == .new)
        #expect(e.announcedAt == date("2018-09-17T21:01:30Z"))
    }

    @Test func workItemWebhook() throws {
        var board = Board()
        try importFixture("gitlab-work-item-webhook-recorded-incident.json", into: &board)
        let e = try #require(board.escalationOrNil(6))
        #expect(e.title == "Testing" && e.state == .new)
        #expect(e.announcedAt == date("2026-05-28T06:09:06.964Z"))
    }

    @Test func scopedLabelsLinesAndClosing() throws {
        var board = Board()
        let result = try importFixture("edge-gitlab-escalations.json", into: &board)
        #expect(result.summary.read == 6 && result.summary.new == 6 && result.summary.warnings == 1)

        let license = try #require(board.escalationOrNil(101))
        #expect(license.labels == ["Escalation::License-Issue"])
        #expect(license.urgency == .urgent)
        #expect(license.customer == "Acme Corp")
        #expect(license.ticket == 456789)
        #expect(license.state == .new && license.closedAt == nil)
        #expect(license.sourceUpdatedAt == date("2026-05-07T08:05:00.123Z"))

        let lines = try #require(board.escalationOrNil(102))
        #expect(lines.urgency == .timely && lines.customer == "Globex" && lines.ticket == 654321)

        let deEscalated = try #require(board.escalationOrNil(103))
        #expect(
            deEscalated.state == .rejected && deEscalated.urgency == .notUrgent && deEscalated.customer == "Initech")
        #expect(deEscalated.labels == ["Escalation::Response-Time"])
        #expect(deEscalated.closedAt == date("2026-05-06T12:00:00Z"))
        #expect(deEscalated.rejectionReason == "labelled De-Escalation in GitLab")

        let unstarred = try #require(board.escalationOrNil(104))
        #expect(unstarred.state == .rejected && unstarred.urgency == .timely && unstarred.ticket == 333444)

        let resolved = try #require(board.escalationOrNil(105))
        #expect(resolved.state == .resolved && resolved.urgency == .notUrgent && resolved.rejectionReason == nil)

        let unknown = try #require(board.escalationOrNil(106))
        #expect(unknown.urgency == .unknown)
        #expect(result.summary.warningMessages.contains { $0.contains("escalation 106") && $0.contains("Critical") })
    }

    @Test func webhookWithLabelObjectsAndLegacyTimes() throws {
        var board = Board()
        try importFixture("edge-gitlab-webhook-scoped-label-objects.json", into: &board)
        let e = try #require(board.escalationOrNil(201))
        #expect(e.labels == ["Escalation::Response-Time"])
        #expect(e.urgency == .notUrgent && e.customer == "Umbrella" && e.ticket == 246810)
        #expect(e.state == .resolved && e.closedAt == date("2026-05-04T11:30:00Z"))
    }

    @Test(arguments: [
        ("Urgent", Urgency.urgent), ("timely", .timely), ("Not Urgent", .notUrgent), ("Not-Urgent", .notUrgent),
        ("not_urgent", .notUrgent), ("Urgent - within 30 minutes", .urgent),
    ])
    func urgencyWords(_ text: String, _ expected: Urgency) {
        #expect(GitLabText.urgency(text) == expected)
    }

    @Test func unknownObjectKindIsSkipped() throws {
        var board = Board()
        let result = try importText(#"{"object_kind":"note","object_attributes":{}}"#, vendor: .gitlab, into: &board)
        #expect(result.summary.skipped == 1 && result.summary.warnings == 1 && result.outcome.isEmpty)
    }
}
