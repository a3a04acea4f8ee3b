import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 4: name prompts start from the people directory; typing replaces the prefill; Tab cycles every
/// match with a count; an unknown name asks first and offers the closest match; a non-manager actor is warned.
@Suite struct PeoplePromptTests {
    func emergencyPrompt() -> DashboardState {
        var state = Fixtures.state()
        _ = press(&state, .char("1"), .down)
        #expect(state.selected == RecordRef(.emergency, 4_411_002))
        _ = press(&state, .char("s"))
        return state
    }

    @Test func typingReplacesThePrefilledName() {
        var state = emergencyPrompt()
        guard case .prompt(let before) = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(before.text == "dmitri")
        type(&state, "erin")
        guard case .prompt(let after) = state.modal else { return }
        #expect(after.text == "erin")
        // Once edited, typing appends as usual.
        type(&state, "x")
        guard case .prompt(let more) = state.modal else { return }
        #expect(more.text == "erinx")
    }

    @Test func tabCyclesEveryMatchAndShowsTheCount() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("o"))
        type(&state, "f")
        _ = press(&state, .tab)
        guard case .prompt(let p1) = state.modal else { return }
        #expect(p1.text == "fatima")
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
        #expect(text.contains("Tab: 1 of 2 matches"), "\(text)")
        _ = press(&state, .tab)
        guard case .prompt(let p2) = state.modal else { return }
        #expect(p2.text == "frank")
        _ = press(&state, .tab)
        guard case .prompt(let p3) = state.modal else { return }
        #expect(p3.text == "fatima")
    }

    @Test func anUnknownNameAsksAndOffersTheClosestMatch() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("o"))
        type(&state, "frnak")
        let effects = press(&state, .enter)
        #expect(effects.isEmpty)
        guard case .picker(let picker) = state.modal else {
            Issue.record("an unknown name went straight through")
            return
        }
        #expect(picker.title == "\"frnak\" is not on the rota or team: use anyway?")
        #expect(picker.options == ["Use \"frnak\" anyway", "Use frank (the closest match)", "Edit the name"])
        #expect(picker.selected == 1)
        let chosen = press(&state, .enter)
        #expect(chosen == [.execute(.assignEscalation(id: 881, owner: "frank"), expecting: ExpectedRevision(RecordRef(.escalation, 881), revision: 0))])
    }

    @Test func aKnownNameGoesStraightThrough() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("o"))
        type(&state, "Erin")
        let effects = press(&state, .enter)
        #expect(effects.count == 1)
        #expect(state.modal == nil)
    }

    @Test func editTheNameReopensThePromptWithTheText() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("o"))
        type(&state, "zzqq")
        _ = press(&state, .enter)
        guard case .picker(let picker) = state.modal else { return }
        #expect(picker.options == ["Use \"zzqq\" anyway", "Edit the name"])
        _ = press(&state, .char("2"))
        guard case .prompt(let prompt) = state.modal else {
            Issue.record("edit did not reopen the prompt")
            return
        }
        #expect(prompt.text == "zzqq")
    }

    @Test func anActorWhoIsNotARotaManagerIsWarnedOnce() {
        let s = DashboardState(
            config: Fixtures.config, options: DashboardOptions(actor: "alcie", timeZone: Fixtures.utc), width: 120,
            height: 40)
        var state = Dashboard.update(s, .loaded(Fixtures.overview()), now: Fixtures.now).0
        #expect(state.status?.text == "you act as alcie, who is not a manager on the rota (did you mean alice?): check --as or `me` in the config")
        state.status = nil
        state = Dashboard.update(state, .loaded(Fixtures.overview()), now: Fixtures.now).0
        #expect(state.status == nil)
        #expect(Fixtures.state().status == nil)
    }
}
