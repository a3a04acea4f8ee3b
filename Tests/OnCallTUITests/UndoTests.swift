import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 5: `u` takes back the manager's own last acknowledge, assign, take-lead or engineer change,
/// through new audited commands; taking over someone else's lead asks first and names who is replaced.
@Suite struct UndoTests {
    func makeLoop(_ keys: [Key], then later: [Key] = [], board: Board = FakeBackend.board()) -> (DashboardLoop, FakeBackend) {
        let backend = FakeBackend(board: board)
        // Keys after a wait are pressed once what the first ones opened is on screen (a confirmation).
        let tail: [ScreenEvent] = later.isEmpty ? [] : [.timeout] + later.map { .key($0) }
        let screen = FakeScreen(events: keys.map { .key($0) } + tail + [.timeout, .key(.char("q"))])
        let loop = DashboardLoop.onFakes(screen, backend)
        loop.run()
        return (loop, backend)
    }

    @Test func undoAnAcknowledge() {
        let (loop, backend) = makeLoop([.char("2"), .char("a"), .char("u")])
        #expect(backend.executed == [.acknowledgeEscalation(id: 881), .unacknowledgeEscalation(id: 881)])
        #expect(backend.board.escalations[0].state == .new)
        #expect(loop.state.undo == nil)
    }

    @Test func undoAnAssignmentOfANewEscalationRestoresNew() {
        let keys: [Key] = [.char("2"), .char("o")] + "erin".map { .char($0) } + [.enter, .char("u")]
        let (_, backend) = makeLoop(keys)
        #expect(
            backend.executed == [
                .assignEscalation(id: 881, owner: "erin"), .unassignEscalation(id: 881),
                .unacknowledgeEscalation(id: 881),
            ])
        #expect(backend.board.escalations[0].state == .new && backend.board.escalations[0].owner == nil)
    }

    @Test func nothingToUndoSaysWhat() {
        let (loop, backend) = makeLoop([.char("u")])
        #expect(backend.executed.isEmpty)
        #expect(loop.state.status?.text.hasPrefix("nothing to undo") == true)
    }

    @Test func aRefusedActionLeavesNothingToUndo() {
        var board = FakeBackend.board()
        board.escalations[0].state = .acknowledged
        board.escalations[0].acknowledgedBy = "bob"
        let (loop, backend) = makeLoop([.char("2"), .char("a"), .char("u")], board: board)
        #expect(backend.executed == [.acknowledgeEscalation(id: 881)])
        #expect(loop.state.status?.text.hasPrefix("nothing to undo") == true)
    }

    static func ledByBob() -> Board {
        var board = FakeBackend.board()
        board.emergencies = [
            Emergency(
                id: 7001, ticket: 7001, title: "Down at Globex", customer: "Globex", pagedAt: Fixtures.at(-5),
                engineer: "dmitri", lead: "bob")
        ]
        return board
    }

    @Test func takingOverALeadAsksAndNamesWhoIsReplacedAndUndoGivesItBack() {
        let (_, cancelled) = makeLoop([.char("1"), .char("l")], then: [.char("n")], board: Self.ledByBob())
        #expect(cancelled.executed.isEmpty)
        var state = Fixtures.state(Overview.make(from: Self.ledByBob(), config: Fixtures.config))
        _ = press(&state, .char("1"), .char("l"))
        guard case .confirm(let confirm) = state.modal else {
            Issue.record("taking over bob's lead did not ask")
            return
        }
        #expect(confirm.title == "Take over the lead of emergency 7001 from bob?")
        #expect(confirm.lines.first?.contains("bob leads it now and will be replaced by you (alice)") == true)
        let (_, backend) = makeLoop([.char("1"), .char("l")], then: [.char("y"), .char("u")], board: Self.ledByBob())
        #expect(backend.executed == [.leadEmergency(id: 7001), .releaseLead(id: 7001, restoring: "bob")])
        #expect(backend.board.emergencies[0].lead == "bob")
    }

    @Test func undoAnEngineerChange() {
        let keys: [Key] = [.char("1"), .char("s"), .ctrl("u")] + "erin".map { .char($0) } + [.enter, .char("u")]
        let (_, backend) = makeLoop(keys, board: Self.ledByBob())
        #expect(
            backend.executed == [
                .staffEmergency(id: 7001, engineer: "erin"), .staffEmergency(id: 7001, engineer: "dmitri"),
            ])
        #expect(backend.board.emergencies[0].engineer == "dmitri")
    }
}
