import Foundation
import Testing

@testable import OnCallRules

@Suite("Every accepted command audits each record it writes")
struct AuditInvariantTests {
    static let now = utc("2026-02-09T16:30:00Z")

    static var board: Board {
        var board = OtherCommandTests.board
        board.escalations = [
            Escalation(
                id: 88, ticket: 4_242_424, title: "Renewal", customer: "Acme", urgency: .urgent,
                announcedAt: utc("2026-02-09T16:00:00Z")),
            Escalation(
                id: 89, title: "Slow", urgency: .timely, state: .acknowledged, announcedAt: utc("2026-02-09T16:00:00Z"),
                acknowledgedBy: "bob", acknowledgedAt: utc("2026-02-09T16:05:00Z")),
        ]
        board.emergencies = [
            Emergency(
                id: 123_456, title: "Down", pagedAt: utc("2026-02-09T16:10:00Z"), engineer: "ed", compromised: true)
        ]
        return board
    }

    static let commands: [Command] = [
        .addTicket(Ticket(id: 600, subject: "New", createdAt: now)),
        .replyTicket(id: 500, at: nil),
        .addEscalation(Escalation(id: 90, title: "t", urgency: .notUrgent, announcedAt: now)),
        .acknowledgeEscalation(id: 88),
        .assignEscalation(id: 88, owner: "carol"),
        .resolveEscalation(id: 89, labels: ["Escalation::Response-Time"], comment: nil),
        .rejectEscalation(id: 88, reason: "Needs Org"),
        .triggerEmergency(escalationId: 88),
        .addEmergency(Emergency(id: 7, title: "t", pagedAt: now)),
        .acknowledgeEmergency(id: 123_456, engineer: nil),
        .leadEmergency(id: 123_456),
        .staffEmergency(id: 123_456, engineer: "fay"),
        .handOffEmergency(id: 123_456, to: nil, note: "over to you"),
        .resolveEmergency(id: 123_456),
        .flagEmergency(id: 123_456, compromised: false),
        .tickChecklist(id: 123_456, item: "audit-code", done: true),
        .addRota(RotaEntry(id: 0, name: "hana", region: .apac, start: now, end: now.addingTimeInterval(3600))),
        .addCover(RotaEntry(id: 0, name: "olga", region: nil, start: now, end: now.addingTimeInterval(3600))),
        .addUpgrade(UpgradeRequest(id: 80, customer: "C", scheduledAt: utc("2026-03-03T18:00:00Z"), requestedAt: now)),
        .assignUpgrade(id: 77, engineer: "fay"),
        .rescheduleUpgrade(id: 77, scheduledAt: utc("2026-02-25T18:00:00Z")),
        .completeUpgrade(id: 77),
        .addNotice(Notice(id: 0, title: "Leak", since: now)),
        .clearNotice(id: 3),
    ]

    @Test(arguments: commands)
    func oneEventPerChange(_ command: Command) throws {
        let outcome = try run(command, on: Self.board, as: "alice", at: Self.now)
        #expect(!outcome.changes.isEmpty)
        #expect(outcome.audit.map(\.target) == outcome.changes.map(\.ref))
        #expect(outcome.audit.allSatisfy { $0.actor == "alice" && $0.at == Self.now && $0.verb.contains(".") })
        #expect(!outcome.message.isEmpty && !outcome.message.contains("\n"))
        if let target = command.target { #expect(outcome.changes.map(\.ref).contains(target)) }
    }
}
