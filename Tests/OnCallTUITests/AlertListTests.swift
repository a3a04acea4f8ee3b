import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 6: `!` lists every alert; "MISSED PAGE→YOU" only for the manager on call.
@Suite struct AlertListTests {
    @Test func bangOpensEveryAlertUncut() {
        var state = Fixtures.state(width: 80, height: 24)
        #expect(state.alerts.count >= 3)
        _ = press(&state, .char("!"))
        #expect(state.modal == .alerts(scroll: 0))
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 80, height: 24))
        #expect(text.contains("Alerts (\(state.alerts.count))"))
        for alert in state.alerts.prefix(3) {
            let start = String(alert.message.prefix(30))
            #expect(text.contains(start), "\(start) not listed:\n\(text)")
        }
        _ = press(&state, .escape)
        #expect(state.modal == nil)
    }

    @Test func missedPageToYouOnlyForTheManagerOnCall() {
        // bob covers alice now (Fixtures.rota): the missed page falls to bob.
        let missed = Fixtures.emergencies[0]
        let bob = DashboardState(
            config: Fixtures.config, options: DashboardOptions(actor: "bob", timeZone: Fixtures.utc), width: 120,
            height: 40)
        let asBob = Dashboard.update(bob, .loaded(Fixtures.overview()), now: Fixtures.now).0
        let bobText = Snapshot.text(Dashboard.view(asBob, now: Fixtures.now, width: 120, height: 40))
        #expect(bobText.contains("MISSED PAGE→YOU"))
        #expect(asBob.alerts.first?.message.contains("you are the next tier") == true)
        let asAlice = Fixtures.state()
        let aliceText = Snapshot.text(Dashboard.view(asAlice, now: Fixtures.now, width: 120, height: 40))
        #expect(!aliceText.contains("MISSED PAGE→YOU"))
        #expect(aliceText.contains("MISSED PAGE→bob"))
        #expect(asAlice.alerts.first?.message.contains("missed page: bob is the next tier") == true)
        #expect(asAlice.alerts.first?.message.contains("unacknowledged for 14m (paged 13:48 UTC)") == true)
        #expect(asAlice.alerts.first?.ref == RecordRef(.emergency, missed.id))
    }
}
