import Foundation
import Testing

@testable import OnCallRules

/// Issue 13 item 6: "you are the next tier" only for the manager on call (or covering); others read who is;
/// the text says since when; a manager's lead clears it.
@Suite("Missed page wording")
struct MissedPageTextTests {
    static let now = utc("2026-02-09T16:30:00Z")
    static let rota = [
        RotaEntry(id: 1, name: "alice", region: .amer, start: utc("2026-02-09T16:00:00Z"), end: utc("2026-02-10T00:00:00Z")),
        RotaEntry(
            id: 2, name: "frank", region: .amer, start: utc("2026-02-09T16:20:00Z"), end: utc("2026-02-09T17:00:00Z"),
            kind: .cover, covering: "alice"),
    ]

    static func overview(lead: String? = nil, rota: [RotaEntry] = rota) -> Overview {
        let e = Emergency(id: 7, title: "Down", customer: "Acme", pagedAt: utc("2026-02-09T16:20:00Z"), lead: lead)
        return Overview.make(from: Board(emergencies: [e], rota: rota), config: gitlab)
    }

    @Test func theCoveringManagerReadsYou() {
        let alerts = Self.overview().alerts(at: Self.now, config: gitlab, viewer: "frank")
        #expect(
            alerts.first?.message
                == "emergency 7 (Acme): MISSED PAGE, you are the next tier; unacknowledged for 10m (paged 16:20 UTC)")
    }

    @Test func anyoneElseReadsWhoIsTheNextTier() {
        for viewer in ["alice", "bob", nil] as [String?] {
            let alerts = Self.overview().alerts(at: Self.now, config: gitlab, viewer: viewer)
            #expect(
                alerts.first?.message
                    == "emergency 7 (Acme): missed page: frank is the next tier; unacknowledged for 10m (paged 16:20 UTC)")
        }
    }

    @Test func aManagersLeadClearsIt() {
        let alerts = Self.overview(lead: "frank").alerts(at: Self.now, config: gitlab, viewer: "frank")
        #expect(!alerts.contains { $0.kind == .missedPage })
    }
}
