import Foundation
import Testing

@testable import OnCallRules

@Suite("Escalation commands")
struct EscalationCommandTests {
    static let announced = utc("2026-02-09T13:50:00Z")
    static let now = utc("2026-02-09T14:02:00Z")

    static func board(_ state: EscalationState = .new, ticket: Int64? = 4_242_424) -> Board {
        var e = Escalation(
            id: 88, ticket: ticket, title: "Customer blocked on renewal", customer: "Acme", urgency: .urgent,
            state: state, announcedAt: announced)
        if state != .new {
            e.acknowledgedBy = "bob"
            e.acknowledgedAt = utc("2026-02-09T13:55:00Z")
        }
        if state == .assigned { e.owner = "carol" }
        if state == .resolved || state == .rejected { e.closedAt = utc("2026-02-09T14:00:00Z") }
        return Board(escalations: [e])
    }

    @Test func acknowledge() throws {
        let outcome = try run(.acknowledgeEscalation(id: 88), on: Self.board(), at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(e.state == .acknowledged && e.acknowledgedBy == "alice" && e.acknowledgedAt == Self.now)
        #expect(outcome.audit.count == 1)
        let event = try #require(outcome.audit.first)
        #expect(event.verb == "escalation.ack" && event.actor == "alice" && event.at == Self.now)
        #expect(event.target == RecordRef(.escalation, 88))
        #expect(event.before == "state=new" && event.after == "state=acknowledged by alice")
        #expect(outcome.message == "escalation 88 acknowledged by alice")
    }

    @Test func assignNewAcknowledgesToo() throws {
        let outcome = try run(.assignEscalation(id: 88, owner: " carol "), on: Self.board(), at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(
            e.state == .assigned && e.owner == "carol" && e.acknowledgedBy == "alice" && e.acknowledgedAt == Self.now)
        #expect(outcome.audit.map(\.verb) == ["escalation.assign"])
        #expect(outcome.audit.first?.after == "state=assigned owner=carol")
    }

    @Test func assignAcknowledgedKeepsWhoAcknowledged() throws {
        let outcome = try run(.assignEscalation(id: 88, owner: "dave"), on: Self.board(.acknowledged), at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(e.state == .assigned && e.owner == "dave" && e.acknowledgedBy == "bob")
        #expect(outcome.audit.first?.before == "state=acknowledged by bob")
    }

    @Test func reassign() throws {
        let outcome = try run(.assignEscalation(id: 88, owner: "dave"), on: Self.board(.assigned), at: Self.now)
        #expect(outcome.escalation?.owner == "dave")
        #expect(outcome.audit.first?.before == "state=assigned owner=carol")
    }

    @Test(arguments: [EscalationState.acknowledged, .assigned])
    func resolve(_ from: EscalationState) throws {
        var board = Self.board(from)
        board.escalations[0].labels = ["Escalation::Response-Time"]
        let outcome = try run(
            .resolveEscalation(
                id: 88,
                labels: ["Escalation::License-Issue", "Escalation::Response-Time", "Escalation::License-Issue"],
                comment: "Next step underway"),
            on: board, at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(e.state == .resolved && e.closedAt == Self.now && e.resolutionComment == "Next step underway")
        #expect(e.labels == ["Escalation::Response-Time", "Escalation::License-Issue"])
        #expect(outcome.audit.map(\.verb) == ["escalation.resolve"])
        #expect(outcome.audit.first?.note == "Next step underway")
    }

    @Test(arguments: [EscalationState.new, .acknowledged, .assigned])
    func reject(_ from: EscalationState) throws {
        let outcome = try run(.rejectEscalation(id: 88, reason: "Needs Org ticket"), on: Self.board(from), at: Self.now)
        let e = try #require(outcome.escalation)
        #expect(e.state == .rejected && e.rejectionReason == "Needs Org ticket" && e.closedAt == Self.now)
        #expect(outcome.audit.first?.verb == "escalation.reject")
        #expect(outcome.audit.first?.note == "Needs Org ticket")
        #expect(outcome.audit.first?.after == "state=rejected")
    }

    @Test func triggerEmergency() throws {
        let outcome = try run(.triggerEmergency(escalationId: 88), on: Self.board(.acknowledged), at: Self.now)
        let e = try #require(outcome.escalation)
        let emergency = try #require(outcome.emergency)
        #expect(e.emergencyId == 4_242_424)
        #expect(emergency.id == 4_242_424 && emergency.ticket == 4_242_424 && emergency.escalationId == 88)
        #expect(emergency.state == .triggered && emergency.pagedAt == Self.now && emergency.customer == "Acme")
        #expect(outcome.audit.map(\.verb) == ["escalation.trigger", "emergency.trigger"])
        #expect(
            outcome.pages == [
                OutboundPage(
                    summary: "4242424", dedupKey: "oncall-emergency-4242424", impactedService: "Customer Support",
                    assignTo: "Customer Emergency Rotation", emergencyId: 4_242_424)
            ])
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var command: Command
        var state: EscalationState
        var error: RuleError
        var ticket: Int64? = 4_242_424
        var testDescription: String { error.description }
    }

    static let refusals: [Refusal] = [
        Refusal(
            command: .acknowledgeEscalation(id: 88), state: .acknowledged,
            error: .refused("escalation 88 is already acknowledged by bob at 13:55 UTC")),
        Refusal(
            command: .acknowledgeEscalation(id: 88), state: .assigned,
            error: .refused("escalation 88 is already acknowledged by bob at 13:55 UTC")),
        Refusal(
            command: .acknowledgeEscalation(id: 88), state: .resolved,
            error: .refused("escalation 88 is resolved; resolved and rejected escalations are final")),
        Refusal(
            command: .acknowledgeEscalation(id: 88), state: .rejected,
            error: .refused("escalation 88 is rejected; resolved and rejected escalations are final")),
        Refusal(command: .acknowledgeEscalation(id: 99), state: .new, error: .notFound(RecordRef(.escalation, 99))),
        Refusal(
            command: .assignEscalation(id: 88, owner: "carol"), state: .assigned,
            error: .refused("escalation 88 is already assigned to carol")),
        Refusal(
            command: .assignEscalation(id: 88, owner: "  "), state: .new,
            error: .invalid("--to: an assignment needs the owner's name")),
        Refusal(
            command: .assignEscalation(id: 88, owner: "dave"), state: .resolved,
            error: .refused("escalation 88 is resolved; resolved and rejected escalations are final")),
        Refusal(
            command: .resolveEscalation(id: 88, labels: [], comment: nil), state: .new,
            error: .refused("escalation 88 is new; acknowledge or assign it before resolving it")),
        Refusal(
            command: .resolveEscalation(id: 88, labels: [], comment: nil), state: .resolved,
            error: .refused("escalation 88 is resolved; resolved and rejected escalations are final")),
        Refusal(
            command: .resolveEscalation(id: 88, labels: [" "], comment: nil), state: .assigned,
            error: .invalid("--label: a label cannot be blank")),
        Refusal(
            command: .resolveEscalation(id: 88, labels: [], comment: "\n"), state: .assigned,
            error: .invalid("--comment: a resolution comment cannot be blank")),
        Refusal(
            command: .rejectEscalation(id: 88, reason: " "), state: .new,
            error: .invalid("--reason: a rejection needs a reason")),
        Refusal(
            command: .rejectEscalation(id: 88, reason: "dup"), state: .rejected,
            error: .refused("escalation 88 is rejected; resolved and rejected escalations are final")),
        Refusal(
            command: .triggerEmergency(escalationId: 88), state: .resolved,
            error: .refused("escalation 88 is resolved; resolved and rejected escalations are final")),
        Refusal(
            command: .triggerEmergency(escalationId: 88), state: .new,
            error: .refused(
                "escalation 88 has no ticket number; an emergency is titled with its Zendesk ticket number"),
            ticket: nil),
        Refusal(
            command: .addEscalation(Escalation(id: 88, title: "x", urgency: .timely, announcedAt: announced)),
            state: .new, error: .refused("escalation 88 already exists")),
        Refusal(
            command: .addEscalation(Escalation(id: 89, title: " ", urgency: .timely, announcedAt: announced)),
            state: .new, error: .invalid("--title: an escalation needs a title")),
    ]

    @Test(arguments: refusals)
    func refused(_ r: Refusal) {
        #expect(throws: r.error) { try run(r.command, on: Self.board(r.state, ticket: r.ticket), at: Self.now) }
    }

    @Test func triggerRefusedWhenAnEmergencyIsOpenForTheTicket() {
        var board = Self.board(.acknowledged)
        board.emergencies = [Emergency(id: 4_242_424, ticket: 4_242_424, title: "Down", pagedAt: Self.announced)]
        #expect(throws: RuleError.refused("emergency 4242424 is already open for ticket 4242424")) {
            try run(.triggerEmergency(escalationId: 88), on: board, at: Self.now)
        }
    }

    @Test func blankActorRefused() {
        #expect(throws: RuleError.invalid("--as: the actor needs a name")) {
            try run(.acknowledgeEscalation(id: 88), on: Self.board(), as: " ", at: Self.now)
        }
    }

    @Test func addEscalation() throws {
        let e = Escalation(id: 90, ticket: 1, title: " Slow replies ", urgency: .timely, announcedAt: Self.announced)
        let outcome = try run(.addEscalation(e), on: Board(), at: Self.now)
        #expect(outcome.escalation?.title == "Slow replies")
        #expect(outcome.audit.map(\.verb) == ["escalation.add"])
    }

    @Test func respondByPerUrgency() {
        let cases: [(Urgency, Int)] = [(.urgent, 30), (.timely, 60), (.notUrgent, 120), (.unknown, 120)]
        for (urgency, minutes) in cases {
            let e = Escalation(id: 1, title: "x", urgency: urgency, announcedAt: Self.announced)
            #expect(gitlab.respondBy(for: e) == Self.announced.addingTimeInterval(Double(minutes) * 60))
        }
    }
}
