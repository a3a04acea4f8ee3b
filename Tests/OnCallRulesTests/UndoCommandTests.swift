import Foundation
import Testing

@testable import OnCallRules

/// Issue 13 item 5: the commands that take back an acknowledge, an assignment, a lead or an engineer are new
/// audited changes, refused when there is nothing of one's own to take back.
@Suite("Undo commands")
struct UndoCommandTests {
    static let now = utc("2026-02-09T16:30:00Z")

    static func escalation(_ state: EscalationState, by: String? = "alice", owner: String? = nil) -> Board {
        Board(escalations: [
            Escalation(
                id: 88, title: "Renewal", urgency: .urgent, state: state, announcedAt: utc("2026-02-09T16:00:00Z"),
                acknowledgedBy: state == .new ? nil : by, acknowledgedAt: state == .new ? nil : utc("2026-02-09T16:05:00Z"),
                owner: owner)
        ])
    }

    static func emergency(state: EmergencyState = .triggered, engineer: String? = "ed", lead: String? = nil) -> Board {
        Board(emergencies: [
            Emergency(
                id: 7, title: "Down", pagedAt: utc("2026-02-09T16:10:00Z"), engineer: engineer,
                engineerAcknowledgedAt: state == .acknowledged ? utc("2026-02-09T16:12:00Z") : nil, lead: lead,
                state: state)
        ])
    }

    @Test func unacknowledgeOnesOwnAcknowledgement() throws {
        let outcome = try run(.unacknowledgeEscalation(id: 88), on: Self.escalation(.acknowledged), at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(e.state == .new && e.acknowledgedBy == nil && e.acknowledgedAt == nil)
        #expect(outcome.audit.map(\.verb) == ["escalation.unack"])
        #expect(outcome.audit.first?.before == "state=acknowledged by alice")
        #expect(outcome.audit.first?.after == "state=new")
    }

    @Test func someoneElsesAcknowledgementIsNotTakenBack() {
        #expect(throws: RuleError.refused(
            "escalation 88 was acknowledged by bob, not by alice; only your own acknowledgement can be taken back")) {
            try run(.unacknowledgeEscalation(id: 88), on: Self.escalation(.acknowledged, by: "bob"), at: Self.now)
        }
        #expect(throws: RuleError.self) { try run(.unacknowledgeEscalation(id: 88), on: Self.escalation(.new), at: Self.now) }
    }

    @Test func unassignGoesBackToAcknowledged() throws {
        let outcome = try run(.unassignEscalation(id: 88), on: Self.escalation(.assigned, owner: "carol"), at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(e.state == .acknowledged && e.owner == nil && e.acknowledgedBy == "alice")
        #expect(outcome.audit.map(\.verb) == ["escalation.unassign"])
        #expect(outcome.message == "escalation 88 no longer assigned to carol (acknowledged)")
        #expect(throws: RuleError.self) { try run(.unassignEscalation(id: 88), on: Self.escalation(.acknowledged), at: Self.now) }
    }

    @Test func releaseLeadRestoresThePreviousLead() throws {
        let outcome = try run(.releaseLead(id: 7, restoring: "bob"), on: Self.emergency(lead: "alice"), at: Self.now)
        #expect(outcome.emergency?.lead == "bob")
        #expect(outcome.audit.map(\.verb) == ["emergency.unlead"])
        let none = try run(.releaseLead(id: 7, restoring: nil), on: Self.emergency(lead: "alice"), at: Self.now)
        #expect(none.emergency?.lead == nil)
        #expect(throws: RuleError.refused("emergency 7 is led by bob, not by alice; only the lead can give it back")) {
            try run(.releaseLead(id: 7, restoring: nil), on: Self.emergency(lead: "bob"), at: Self.now)
        }
    }

    @Test func unstaffAndUnacknowledgeAnEmergency() throws {
        let off = try run(.unstaffEmergency(id: 7), on: Self.emergency(), at: Self.now)
        #expect(off.emergency?.engineer == nil)
        #expect(off.audit.map(\.verb) == ["emergency.unstaff"])
        #expect(throws: RuleError.self) { try run(.unstaffEmergency(id: 7), on: Self.emergency(engineer: nil), at: Self.now) }
        let back = try run(.unacknowledgeEmergency(id: 7), on: Self.emergency(state: .acknowledged), at: Self.now)
        #expect(back.emergency?.state == .triggered && back.emergency?.engineerAcknowledgedAt == nil)
        #expect(back.audit.map(\.verb) == ["emergency.unack"])
        #expect(throws: RuleError.self) { try run(.unacknowledgeEmergency(id: 7), on: Self.emergency(), at: Self.now) }
    }
}
