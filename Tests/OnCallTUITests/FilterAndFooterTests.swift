import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 items 10 and 11: the filter finds what is on screen; ^U and Esc clear it; --readonly offers no
/// action keys; countdowns never look like clock times.
@Suite struct FilterAndFooterTests {
    func filtered(_ pane: Character, _ text: String) -> DashboardState {
        var state = Fixtures.state()
        _ = press(&state, .char(pane), .char("/"))
        type(&state, text)
        return state
    }

    @Test func theFilterFindsRiskWordsStatesAndMissedPages() {
        #expect(filtered("3", "breach").rows[.frt] == [RecordRef(.ticket, 4_412_001)])
        #expect(filtered("3", "crit").rows[.frt] == [RecordRef(.ticket, 4_412_002)])
        #expect(filtered("1", "missed").rows[.emergencies] == [RecordRef(.emergency, 4_411_001)])
        #expect(filtered("1", "acked").rows[.emergencies] == [RecordRef(.emergency, 4_411_002)])
        #expect(filtered("1", "compromised").rows[.emergencies] == [RecordRef(.emergency, 4_411_002)])
        #expect(filtered("2", "acked").rows[.escalations] == [RecordRef(.escalation, 882)])
        #expect(filtered("2", "short-notice").rows[.escalations] == [RecordRef(.upgrade, 4_402_000)])
    }

    @Test func ctrlUClearsTheTextAndEscClearsAKeptFilter() {
        var state = filtered("3", "breach")
        _ = press(&state, .ctrl("u"))
        #expect(state.filters[.frt] == nil && state.editingFilter)
        type(&state, "needs")
        _ = press(&state, .enter)
        #expect(state.filters[.frt] == "needs" && !state.editingFilter)
        _ = press(&state, .escape)
        #expect(state.filters[.frt] == nil)
        #expect(state.rows[.frt]?.count == 5)
    }

    @Test func readonlyShowsNoActionKeysInTheFooter() {
        var state = Fixtures.state(readonly: true)
        _ = press(&state, .char("2"))
        let footer = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
            .split(separator: "\n").last.map(String.init) ?? ""
        for label in ["ack", "owner", "reject", "trigger", "undo"] { #expect(!footer.contains(label), "\(footer)") }
        #expect(footer.contains("quit") && footer.contains("filter"))
    }

    @Test func countdownsUnderAnHourAreMinutesAndSeconds() {
        #expect(Countdown.format(7 * 60 + 55) == "7m 55s")
        #expect(Countdown.format(42) == "42s")
        #expect(Countdown.format(3600) == "1h 00m")
        #expect(Countdown.format(-90) == "-1m")
    }
}
