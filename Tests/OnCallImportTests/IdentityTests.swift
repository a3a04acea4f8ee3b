import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

/// Issue 17: records are found by the vendor's own identity (PagerDuty incident id, GitLab project + iid),
/// never by a number another thing may share.
@Suite("Vendor identity")
struct IdentityTests {
    static let noTicket = "identity-pagerduty-incident-320624-no-ticket.json"
    static let namesTicket = "identity-pagerduty-incident-320700-names-ticket-320624.json"

    @Test("an incident numbered like another incident's ticket stays its own emergency, in either order")
    func incidentNumberEqualToATicketNumber() throws {
        for order in [[Self.noTicket, Self.namesTicket], [Self.namesTicket, Self.noTicket]] {
            var board = Board()
            for name in order {
                let result = try importFixture(name, into: &board)
                #expect(result.summary.new == 1 && result.summary.updated == 0, "\(order)")
            }
            #expect(board.emergencies.count == 2)
            let plain = try #require(board.emergencies.first { $0.incidentId == "PT4KHLK" })
            let named = try #require(board.emergencies.first { $0.incidentId == "PQ7TZ4E" })
            #expect(plain.id == 320624 && plain.ticket == nil && plain.title == "The server is on fire.")
            #expect(plain.engineer == "Earline Greenholt" && plain.pagedAt == date("2015-10-06T21:30:42Z"))
            #expect(named.id == 320700 && named.ticket == 320624)
            #expect(named.title == "Zendesk 320624: The server is on fire.")
            #expect(named.engineer == "Mira Okafor" && named.pagedAt == date("2015-10-06T22:05:00Z"))
            // Re-importing both changes nothing.
            for name in order { #expect(try importFixture(name, into: &board).summary.unchanged == 1) }
        }
    }

    @Test("several incidents may name one ticket; a hand-made emergency for the ticket is adopted by the first")
    func handMadeEmergencyIsAdoptedOnce() throws {
        var board = Board()
        // The manual trigger's emergency: numbered with the ticket, no incident yet.
        board.apply([
            .emergency(
                Emergency(
                    id: 320624, ticket: 320624, title: "Geo down", pagedAt: date("2015-10-06T21:00:00Z"),
                    lead: "Dana"))
        ])
        let first = try importFixture(Self.namesTicket, into: &board)
        #expect(first.summary.updated == 1 && first.summary.new == 0)
        let adopted = try #require(board.emergencyOrNil(320624))
        #expect(adopted.incidentId == "PQ7TZ4E" && adopted.incidentNumber == 320700 && adopted.lead == "Dana")
        #expect(adopted.title == "Geo down")  // a manager's own emergency keeps its title
        // Another incident for the same ticket is a second emergency, not a merge.
        var other = try String(contentsOf: Fixture.url(Self.namesTicket), encoding: .utf8)
        other = other.replacingOccurrences(of: "PQ7TZ4E", with: "PZZ9Z9Z")
            .replacingOccurrences(of: "320700", with: "320801")
        let second = try importText(other, vendor: .pagerduty, into: &board)
        #expect(second.summary.new == 1)
        #expect(try board.emergencies(ticket: 320624).map(\.id) == [320624, 320801])
        // Both answer to the ticket number, so a plain 320624 is ambiguous and names them.
        #expect(throws: RuleError.self) { try RecordAddress.number(320624).emergencyId(in: board) }
        do {
            _ = try RecordAddress.number(320624).emergencyId(in: board)
        } catch let error as RuleError {
            #expect(error.description.contains("320624 (PagerDuty #320700 PQ7TZ4E, ticket 320624, triggered)"))
            #expect(error.description.contains("320801 (PagerDuty #320801 PZZ9Z9Z, ticket 320624, triggered)"))
        }
        #expect(try RecordAddress.emergency("pd#320801").emergencyId(in: board) == 320801)
        #expect(try RecordAddress.emergency("PQ7TZ4E").emergencyId(in: board) == 320624)
        #expect(try RecordAddress.emergency("320801").emergencyId(in: board) == 320801)
    }

    @Test("an incident whose number is taken by a hand-made emergency for another ticket gets the next number")
    func takenNumber() throws {
        var board = Board()
        board.apply([.emergency(Emergency(id: 320624, ticket: 320624, title: "x", pagedAt: now))])
        var text = try String(contentsOf: Fixture.url(Self.noTicket), encoding: .utf8)
        text = text.replacingOccurrences(of: "The server is on fire.", with: "Zendesk 400001: fire")
        try importText(text, vendor: .pagerduty, into: &board)
        let e = try #require(board.emergencies.first { $0.incidentId == "PT4KHLK" })
        #expect(e.id == 320625 && e.ticket == 400001 && e.incidentNumber == 320624)
        #expect(board.emergencyOrNil(320624)?.incidentId == nil)
    }

    @Test("GitLab issues with one iid in two projects are two escalations; the project tells them apart")
    func sameIidTwoProjects() throws {
        var board = Board()
        let result = try importFixture("identity-gitlab-same-iid-two-projects.json", into: &board)
        #expect(result.summary.new == 2)
        let a = try #require(board.escalations.first { $0.projectId == 4 })
        let b = try #require(board.escalations.first { $0.projectId == 7 })
        #expect(a.id == 1 && a.iid == 1 && a.project == "my-group/my-project" && a.ticket == 512877)
        #expect(b.id == 2 && b.iid == 1 && b.project == "my-group/other-project" && b.ticket == 512896)
        #expect(a.reference == "my-group/my-project#1" && b.number == 1)
        // Re-import: unchanged, still two.
        #expect(try importFixture("identity-gitlab-same-iid-two-projects.json", into: &board).summary.unchanged == 2)
        // Addressing: plain 1 is ambiguous and names both; project#iid, --project and the project id pick one.
        do {
            _ = try RecordAddress.escalation("1").escalationId(in: board)
            Issue.record("expected an ambiguity error")
        } catch let error as RuleError {
            #expect(
                error.description
                    == "escalation 1 is ambiguous: my-group/my-project#1, my-group/other-project#1; "
                    + "name the project (group/project#1 or --project)")
        }
        #expect(try RecordAddress.escalation("my-group/other-project#1").escalationId(in: board) == 2)
        #expect(try RecordAddress.escalation("1", project: "My-Group/My-Project").escalationId(in: board) == 1)
        #expect(try RecordAddress.escalation("7#1").escalationId(in: board) == 2)
        #expect(throws: RuleError.self) { try RecordAddress.escalation("nope/x#1").escalationId(in: board) }
        #expect(throws: RuleError.self) { try RecordAddress.escalation("a#1", project: "b") }
    }

    @Test("a projectless escalation (added by hand or stored before projects) is adopted by its iid")
    func legacyEscalationAdopted() throws {
        var board = Board()
        board.apply([
            .escalation(
                Escalation(
                    id: 1, title: "by hand", urgency: .urgent, state: .acknowledged, announcedAt: now,
                    acknowledgedBy: "Dana"))
        ])
        try importFixture("identity-gitlab-same-iid-two-projects.json", into: &board)
        let adopted = try #require(board.escalationOrNil(1))
        #expect(adopted.projectId == 4 && adopted.state == .acknowledged && adopted.acknowledgedBy == "Dana")
        #expect(board.escalationOrNil(2)?.projectId == 7)
        // A webhook for the same issue (project 4, iid 1) finds it by identity.
        let hook = """
            {"object_kind":"issue","project":{"id":4,"path_with_namespace":"my-group/renamed"},
             "object_attributes":{"iid":1,"project_id":4,"title":"Ticket 512877: Geo replication broken",
             "state":"opened","created_at":"2016-01-04T15:31:51.081Z","updated_at":"2030-01-01T00:00:00Z",
             "labels":["Urgency::Urgent"]}}
            """
        let r = try importText(hook, vendor: .gitlab, into: &board)
        #expect(r.summary.updated == 1 && board.escalations.count == 2)
        #expect(board.escalationOrNil(1)?.project == "my-group/renamed")  // the project moved: same issue
    }

    @Test("a payload without title uses summary (the snooze answer), without the incident number prefix")
    func snoozeUsesSummary() throws {
        var board = Board()
        try importFixture("pagerduty-incident-snooze.json", into: &board)
        let e = try #require(board.emergencyOrNil(1234))
        #expect(e.title == "The server is on fire." && e.ticket == nil)
    }

    @Test("a webhook without created_at for a new incident leaves the page time unknown until one carries it")
    func unknownPageTime() throws {
        var board = Board()
        try importFixture("identity-pagerduty-webhook-priority-updated-no-created-at.json", into: &board)
        var e = try #require(board.emergencyOrNil(37))
        #expect(e.pageTimeKnown == false && e.state == .triggered)
        // An hour later nothing says the page was missed: there is no page time to count from.
        let later = date("2025-04-07T05:00:00Z")
        #expect(MissedPage.of(e, at: later, timings: OnCallConfig.gitlabDefaults.emergency) == .none)
        try importFixture("pagerduty-webhook-v3-incident-triggered.json", into: &board)
        e = try #require(board.emergencyOrNil(37))
        #expect(e.pageTimeKnown && e.pagedAt == date("2025-04-07T03:47:13Z"))
        #expect(MissedPage.of(e, at: later, timings: OnCallConfig.gitlabDefaults.emergency) == .senior)
    }
}
