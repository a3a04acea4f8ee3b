import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 1: pasted text and type-ahead never act.
@Suite struct PasteAndTypeAheadTests {
    func makeLoop(_ screen: FakeScreen, _ backend: FakeBackend) -> DashboardLoop {
        DashboardLoop.onFakes(screen, backend)
    }

    @Test func aPasteIntoAReasonIsTextOnlyAndNeverConfirms() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("x"))
        let effects = press(&state, .paste("Duplicate of 4104\ny\r\ngtx"))
        #expect(effects.isEmpty)
        guard case .prompt(let prompt) = state.modal else {
            Issue.record("the reason prompt should still be open")
            return
        }
        #expect(prompt.text == "Duplicate of 4104 y gtx")
    }

    @Test func aPasteOutsideAPromptIsIgnored() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"))
        let before = state.selected
        let effects = press(&state, .paste("gtxa"))
        #expect(effects.isEmpty)
        #expect(state.modal == nil)
        #expect(state.selected == before)
        #expect(state.status?.text.contains("pasted text ignored") == true)
    }

    @Test func aPasteIntoAConfirmationDoesNotAnswerIt() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("x"))
        type(&state, "dup")
        _ = press(&state, .enter)
        guard case .confirm = state.modal else {
            Issue.record("expected the confirmation")
            return
        }
        let effects = press(&state, .paste("y"))
        #expect(effects.isEmpty)
        guard case .confirm = state.modal else {
            Issue.record("the confirmation should still be open")
            return
        }
    }

    @Test func aPasteGoesIntoTheFilter() {
        var state = Fixtures.state()
        _ = press(&state, .char("3"), .char("/"), .paste("needs\n"))
        #expect(state.filters[.frt] == "needs ")
        #expect(state.editingFilter)
    }

    @Test func typeAheadCannotAnswerAConfirmation() {
        let backend = FakeBackend(board: FakeBackend.board())
        // Typed in one go: the y arrives before the confirmation was drawn.
        let keys: [Key] = [.char("2"), .char("x")] + "Duplicate".map { .char($0) } + [.enter, .char("y")]
        let screen = FakeScreen(events: keys.map { .key($0) } + [.timeout, .key(.char("y")), .key(.char("q"))])
        // The later y (after the timeout) is pressed after the question was drawn.
        let loop = makeLoop(screen, backend)
        var sawConfirmUnanswered = false
        screen.meanwhile = { _ in
            if case .confirm = loop.state.modal, backend.executed.isEmpty { sawConfirmUnanswered = true }
        }
        loop.run()
        #expect(screen.discarded == [.key(.char("y"))])
        #expect(sawConfirmUnanswered)
        #expect(backend.executed == [.rejectEscalation(id: 881, reason: "Duplicate")])
    }
}
