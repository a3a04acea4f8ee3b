import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

@Suite("PagerDuty import")
struct PagerDutyImportTests {
    static let lifecycle = [
        "pagerduty-webhook-v3-incident-triggered.json", "pagerduty-webhook-v3-incident-acknowledged.json",
        "pagerduty-webhook-v3-incident-resolved.json", "pagerduty-webhook-v3-incident-annotated.json",
    ]

    @Test func incidentsListResolved() throws {
        var board = Board()
        let result = try importFixture("pagerduty-incidents-list.json", into: &board)
        #expect(result.summary.vendor == .pagerduty && result.summary.new == 1)
        let e = try #require(board.emergencyOrNil(1234))
        #expect(e.title == "The server is on fire.")
        #expect(e.incidentId == "PT4KHLK" && e.incidentNumber == 1234 && e.ticket == nil)
        #expect(e.state == .resolved)
        #expect(e.pagedAt == date("2015-10-06T21:30:42Z"))
        #expect(e.resolvedAt == date("2015-10-06T21:38:23Z"))
        #expect(e.engineer == nil)  // assignments are empty once resolved
        #expect(e.sourceUpdatedAt == date("2015-10-06T21:40:23Z"))
        #expect(result.outcome.audit.first?.actor == "import:pagerduty")
    }

    @Test func singleIncidentAcknowledged() throws {
        var board = Board()
        try importFixture("pagerduty-incident-get.json", into: &board)
        let e = try #require(board.emergencyOrNil(1234))
        #expect(e.state == .acknowledged)
        #expect(e.engineer == "Earline Greenholt")
        #expect(e.engineerAcknowledgedAt == date("2015-11-10T00:32:52Z"))
        #expect(e.resolvedAt == nil)
    }

    @Test func webhookEvents() throws {
        var board = Board()
        try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &board)
        var e = try #require(board.emergencyOrNil(37))
        #expect(e.title == "Test" && e.state == .triggered && e.engineer == "Ben")
        #expect(e.incidentId == "Q2CKYRLH85UNN4" && e.incidentNumber == 37)
        #expect(e.pagedAt == date("2025-04-07T03:47:13Z"))
        #expect(e.sourceUpdatedAt == date("2025-04-07T03:47:13.414Z"))

        try importFixture("pagerduty-webhook-v3-incident-escalated.json", into: &board)
        let escalated = try #require(board.emergencyOrNil(5))
        #expect(escalated.escalatedAt == date("2026-04-01T02:08:04.642Z"))
        #expect(escalated.title == "Critical: Checkout API High Latency" && escalated.state == .triggered)
        #expect(escalated.engineer == "Harsh Santwani")

        let reassigned = try importFixture("pagerduty-webhook-v3-incident-reassigned.json", into: &board)
        #expect(reassigned.summary.new == 1)
        let r = try #require(board.emergencyOrNil(3))
        #expect(r.engineer == "Test User" && r.title == "Test Incident")
        // No created_at in the 2021 payload: the event time stands in, marked unknown.
        #expect(r.pagedAt == date("2021-06-04T10:17:54.838Z") && !r.pageTimeKnown)

        let annotated = try importFixture("pagerduty-webhook-v3-incident-annotated.json", into: &board)
        #expect(annotated.summary.skipped == 1 && annotated.outcome.changes.isEmpty)
        e = try #require(board.emergencyOrNil(37))
        #expect(e.state == .triggered)
    }

    @Test func lifecycleInOrderAndEveryShuffleEndTheSame() throws {
        var inOrder = Board()
        for name in Self.lifecycle { try importFixture(name, into: &inOrder) }
        let expected = try #require(inOrder.emergencyOrNil(37))
        #expect(expected.state == .resolved)
        #expect(expected.engineer == "Ben")
        #expect(expected.engineerAcknowledgedAt == date("2025-04-07T03:47:13.546Z"))
        #expect(expected.resolvedAt == date("2025-04-07T03:49:36.358Z"))
        #expect(expected.pagedAt == date("2025-04-07T03:47:13Z"))
        #expect(expected.sourceUpdatedAt == date("2025-04-07T03:49:36.358Z"))

        for order in permutations(Self.lifecycle) {
            var board = Board()
            for name in order { try importFixture(name, into: &board) }
            var got = try #require(board.emergencyOrNil(37))
            got.revision = expected.revision
            #expect(got == expected, "order \(order)")
        }
    }

    @Test func lateTriggeredDoesNotReopen() throws {
        var board = Board()
        try importFixture("pagerduty-webhook-v3-incident-resolved.json", into: &board)
        let result = try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &board)
        let e = try #require(board.emergencyOrNil(37))
        #expect(e.state == .resolved)
        #expect(e.engineer == "Ben")  // filled in from the older event
        #expect(result.summary.updated == 1)
    }

    @Test func jsonLinesLifecycle() throws {
        let lines = try Self.lifecycle.map { name in
            let data = try Data(contentsOf: Fixture.url(name))
            let object = try JSONSerialization.jsonObject(with: data)
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        var board = Board()
        let result = try importText(lines.joined(separator: "\n") + "\n", into: &board)
        #expect(result.summary.vendor == .pagerduty)
        #expect(result.summary.read == 4 && result.summary.skipped == 1)
        #expect(result.outcome.changes.count == 1)  // one emergency, one audit event
        #expect(result.outcome.audit.count == 1)
        #expect(board.emergencyOrNil(37)?.state == .resolved)
    }

    @Test func ticketNumberFromTitleAndOffsets() throws {
        var board = Board()
        try importFixture("edge-pagerduty-ticket-title.json", into: &board)
        // Numbered with the incident number; the ticket in the title is an attribute.
        let e = try #require(board.emergencyOrNil(4321))
        #expect(e.ticket == 1_234_567 && e.incidentNumber == 4321 && e.engineer == "Eve Engineer")
        let other = try #require(board.emergencyOrNil(4322))
        #expect(other.ticket == nil && other.state == .acknowledged)
        #expect(other.pagedAt == date("2026-05-07T09:00:00Z"))
        #expect(other.engineerAcknowledgedAt == date("2026-05-07T09:05:00Z"))
        #expect(other.engineer == "Sam Ops")
    }

    @Test func servicesFilter() throws {
        var settings = testSettings
        settings.pagerdutyServices = ["Customer Emergency"]
        var board = Board()
        let result = try importFixture("edge-pagerduty-ticket-title.json", into: &board, settings: settings)
        #expect(result.summary.read == 2 && result.summary.new == 1 && result.summary.skipped == 1)
        #expect(board.emergencies.map(\.ticket) == [1_234_567])
    }

    @Test func oncallsFillTheRota() throws {
        var board = Board()
        let result = try importFixture("pagerduty-oncalls-list.json", into: &board)
        #expect(result.summary.new == 1)
        let entry = try #require(board.rota.first)
        #expect(entry.name == "Tim Wright")
        #expect(entry.start == date("2015-03-06T20:28:51Z"))
        #expect(entry.end == date("2015-03-07T20:28:51Z"))
        #expect(entry.source == "import:pagerduty" && entry.kind == .shift)
        #expect(entry.note == "Daily Engineering Rotation")
        let again = try importFixture("pagerduty-oncalls-list.json", into: &board)
        #expect(again.summary.unchanged == 1 && again.outcome.isEmpty)
        #expect(board.rota.count == 1)
    }

    @Test func permanentOncallIsSkippedWithWarning() throws {
        var board = Board()
        let result = try importText(
            #"{"oncalls":[{"user":{"summary":"Pat"},"schedule":null,"escalation_policy":{"summary":"EP"},"escalation_level":1,"start":null,"end":null}]}"#,
            into: &board)
        #expect(result.summary.skipped == 1 && result.summary.warnings == 1 && board.rota.isEmpty)
    }
}

func permutations<T>(_ items: [T]) -> [[T]] {
    guard items.count > 1 else { return [items] }
    var result: [[T]] = []
    for (i, item) in items.enumerated() {
        var rest = items
        rest.remove(at: i)
        for p in permutations(rest) { result.append([item] + p) }
    }
    return result
}
