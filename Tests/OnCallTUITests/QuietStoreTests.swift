import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 3: an empty store or an empty rota is never shown as an all-clear.
@Suite struct QuietStoreTests {
    @Test func anEmptyStoreWarnsInsteadOfNoAlerts() {
        let state = Fixtures.state(Overview())
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
        #expect(!text.contains("✓ no alerts"))
        #expect(text.contains("⚠ the store is empty"))
    }

    @Test func nobodyOnTheRotaWarnsInsteadOfNoAlerts() {
        var overview = Fixtures.overview(emergencies: [], escalations: [], frt: [], upgrades: [], notices: [])
        overview.waitingForFirstReply = 0
        overview.rota = []
        overview.escalations = [Fixtures.escalations[1]]
        let state = Fixtures.state(overview)
        #expect(state.alerts.isEmpty)
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
        #expect(!text.contains("✓ no alerts"))
        #expect(text.contains("⚠ nobody is on the rota now"))
    }

    @Test func aQuietShiftWithSomeoneOnCallIsAnAllClear() {
        var overview = Fixtures.overview(emergencies: [], escalations: [Fixtures.escalations[1]], frt: [], upgrades: [], notices: [])
        overview.waitingForFirstReply = 0
        let state = Fixtures.state(overview)
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
        #expect(text.contains("✓ no alerts"))
    }
}
