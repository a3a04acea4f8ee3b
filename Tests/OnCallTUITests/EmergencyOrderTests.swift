import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 13 item 2: missed pages first, then unacknowledged pages, then newest first; a new emergency is
/// scrolled into view without moving the selection.
@Suite struct EmergencyOrderTests {
    static func emergency(_ id: Int64, minutesAgo: Double, acked: Bool = false) -> Emergency {
        Emergency(
            id: id, ticket: id, title: "Emergency \(id)", customer: "Customer \(id)", pagedAt: Fixtures.at(-minutesAgo),
            engineer: "dmitri", engineerAcknowledgedAt: acked ? Fixtures.at(-minutesAgo + 1) : nil,
            lead: acked ? "alice" : nil, state: acked ? .acknowledged : .triggered)
    }

    /// Seven emergencies: two old acknowledged, one missed page (12 min), unacknowledged fresh pages.
    static let seven: [Emergency] = [
        emergency(1, minutesAgo: 200, acked: true), emergency(2, minutesAgo: 150, acked: true),
        emergency(3, minutesAgo: 12), emergency(4, minutesAgo: 90, acked: true), emergency(5, minutesAgo: 3),
        emergency(6, minutesAgo: 1), emergency(7, minutesAgo: 5),
    ]

    @Test func missedThenUnacknowledgedThenNewestFirst() {
        let state = Fixtures.state(Fixtures.overview(emergencies: Self.seven))
        #expect(state.rows[.emergencies]?.map(\.id) == [3, 6, 5, 7, 4, 2, 1])
    }

    @Test func theNewestUnacknowledgedPagesAreOnScreenAt80x24() {
        let state = Fixtures.state(Fixtures.overview(emergencies: Self.seven), width: 80, height: 24)
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 80, height: 24))
        for id in [3, 6] { #expect(text.contains("#\(id) "), "emergency \(id) off screen:\n\(text)") }
    }

    @Test func aPageThatBecomesMissedMovesToTheTop() {
        var state = Fixtures.state(Fixtures.overview(emergencies: [Self.emergency(1, minutesAgo: 8), Self.emergency(2, minutesAgo: 5)]))
        #expect(state.rows[.emergencies]?.map(\.id) == [2, 1])
        state = Dashboard.update(state, .tick, now: Fixtures.at(3)).0
        #expect(state.rows[.emergencies]?.map(\.id) == [1, 2])
    }

    @Test func aNewEmergencyIsScrolledIntoViewAndTheSelectionStays() {
        let old = (1...6).map { Self.emergency(Int64($0), minutesAgo: Double(300 - $0 * 10), acked: true) }
        var state = Fixtures.state(Fixtures.overview(emergencies: old), width: 80, height: 24)
        _ = press(&state, .char("1"), .char("G"))
        let selected = state.selected
        #expect(selected == RecordRef(.emergency, 1))
        let arrived = Self.emergency(99, minutesAgo: 0)
        state = Dashboard.update(state, .loaded(Fixtures.overview(emergencies: old + [arrived])), now: Fixtures.now).0
        #expect(state.selected == selected)
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 80, height: 24))
        #expect(text.contains("#99 "), "the new emergency is off screen:\n\(text)")
        // Moving the selection pins the scroll to it again.
        _ = press(&state, .up)
        #expect(state.selected == RecordRef(.emergency, 2))
        let moved = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 80, height: 24))
        #expect(moved.contains("#2 "))
    }
}
