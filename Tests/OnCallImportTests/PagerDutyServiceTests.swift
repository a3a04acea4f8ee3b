import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

/// Issue 15 item 3: the importer keeps the incident's PagerDuty service (`service.id`, `service.summary`), which
/// picks the missed-page tiers.
@Suite("PagerDuty import: the service")
struct PagerDutyServiceTests {
    @Test func restIncidentAndWebhookCarryTheService() throws {
        var board = Board()
        try importFixture("pagerduty-incident-get.json", into: &board)
        let rest = try #require(board.emergencyOrNil(1234))
        #expect(rest.serviceId == "PIJ90N7" && rest.serviceName == "My Mail Service")

        var events = Board()
        try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &events)
        let hook = try #require(events.emergencies.first)
        #expect(hook.serviceId == "PNE3JZM" && hook.serviceName == "Webhook Tester")
    }

    static func incident(updated: String, service: String) -> String {
        """
        {"incident":{"id":"PFED001","incident_number":7001,"title":"512999","status":"triggered",
        "created_at":"2026-02-09T16:00:00Z","updated_at":"\(updated)",\(service)}}
        """
    }

    static let federal = #""service":{"id":"P8K2XHK","type":"service_reference","summary":"Customer Support - US Federal"}"#
    static let general = #""service":{"id":"PL3TX00","type":"service_reference","summary":"Customer Support"}"#

    @Test func theNewestPayloadsServiceWinsAndPicksTheTiers() throws {
        var board = Board()
        try importText(Self.incident(updated: "2026-02-09T16:01:00Z", service: Self.general), into: &board)
        try importText(Self.incident(updated: "2026-02-09T16:05:00Z", service: Self.federal), into: &board)
        // An older payload arriving late does not move it back.
        try importText(Self.incident(updated: "2026-02-09T16:02:00Z", service: Self.general), into: &board)
        let e = try #require(board.emergencies.first)
        #expect(e.serviceId == "P8K2XHK" && e.serviceName == "Customer Support - US Federal")
        let twelve = date("2026-02-09T16:12:00Z")
        #expect(MissedPage.of(e, at: twelve, timings: OnCallConfig.gitlabDefaults.emergency) == .none)
    }

    @Test func aPayloadWithoutAServiceKeepsTheKnownOne() throws {
        var board = Board()
        try importText(Self.incident(updated: "2026-02-09T16:01:00Z", service: Self.federal), into: &board)
        try importText(
            Self.incident(updated: "2026-02-09T16:05:00Z", service: #""urgency":"high""#), into: &board)
        #expect(board.emergencies.first?.serviceId == "P8K2XHK")
    }

    @Test func controlCharactersInTheServiceNameAreCleaned() throws {
        var board = Board()
        let hostile = #""service":{"id":"P8K2XHK","summary":"Customer\u0000Support"}"#
        let result = try importText(Self.incident(updated: "2026-02-09T16:01:00Z", service: hostile), into: &board)
        #expect(board.emergencies.first?.serviceName == "Customer\u{FFFD}Support")
        #expect(result.summary.warningMessages.contains { $0.contains("service") })
    }
}
