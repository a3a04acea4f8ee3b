import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

@Suite struct ViewSnapshotTests {
    func frame(_ state: DashboardState) -> CellBuffer {
        Dashboard.view(state, now: Fixtures.now, width: state.width, height: state.height)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func mainScreen(_ width: Int, _ height: Int) {
        let state = Fixtures.state(width: width, height: height)
        Snapshot.assert(frame(state), named: "main-\(width)x\(height)")
    }

    @Test(arguments: [(40, 10), (59, 30), (120, 15)])
    func tooSmall(_ width: Int, _ height: Int) {
        let state = Fixtures.state(width: width, height: height)
        let text = Snapshot.text(frame(state))
        #expect(text.contains("need 60x16") || text.contains("terminal too"))
        if width == 40 { Snapshot.assert(frame(state), named: "too-small-40x10") }
    }

    /// Subjects, names and notes full of escape sequences, controls, bidi, joiners and 10,000 characters.
    static func hostileOverview() -> Overview {
        let h = Fixtures.hostile
        let long = String(repeating: "very long subject 長い件名 ", count: 500)
        var o = Fixtures.overview()
        o.emergencies[0].title = h[0]
        o.emergencies[0].customer = h[3]
        o.emergencies[1].title = h[4]
        o.emergencies[1].engineer = h[2]
        o.escalations[0].escalation.title = h[1]
        o.escalations[0].escalation.customer = h[6]
        o.escalations[1].escalation.owner = h[5]
        o.frt[0].ticket.subject = long
        o.frt[1].ticket.subject = h[7]
        o.frt[2].ticket.organization = h[0]
        o.frt[3].ticket.subject = h[5]
        o.notices[0].title = h[1]
        return o
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func hostileStringsRenderSafelyAndAligned(_ width: Int, _ height: Int) {
        let state = Fixtures.state(Self.hostileOverview(), width: width, height: height)
        let buffer = frame(state)
        let text = Snapshot.text(buffer)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("pwned") || text.contains("OSC title"))
        Snapshot.assert(buffer, named: "hostile-\(width)x\(height)")
    }

    @Test func hostileDetailView() {
        var state = Fixtures.state(Self.hostileOverview(), width: 120, height: 40)
        _ = press(&state, .enter)
        Snapshot.assert(frame(state), named: "detail-hostile-120x40")
    }

    @Test func emergencyDetailWithChecklistAndHistory() {
        var state = Fixtures.state(width: 120, height: 40)
        _ = press(&state, .down, .enter)
        let ref = RecordRef(.emergency, 4_411_002)
        let events = [
            AuditEvent(
                at: Fixtures.at(-5), actor: "alice", verb: "emergency.checklist", target: ref,
                before: "restore-backup=open", after: "restore-backup=done"),
            AuditEvent(at: Fixtures.at(-60), actor: "alice", verb: "emergency.flag", target: ref, after: "compromised"),
        ]
        state = Dashboard.update(state, .history(ref, events), now: Fixtures.now).0
        Snapshot.assert(frame(state), named: "detail-emergency-120x40")
    }

    @Test func escalationAndTicketDetail() {
        var state = Fixtures.state(width: 100, height: 30)
        _ = press(&state, .char("2"), .enter)
        Snapshot.assert(frame(state), named: "detail-escalation-100x30")
        _ = press(&state, .escape, .char("3"), .down, .enter)
        Snapshot.assert(frame(state), named: "detail-ticket-100x30")
    }

    @Test func helpOverlay() {
        var state = Fixtures.state(width: 120, height: 40, readonly: true)
        _ = press(&state, .char("?"))
        Snapshot.assert(frame(state), named: "help-readonly-120x40")
    }

    @Test func triggerConfirmation() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = press(&state, .char("2"), .char("t"))
        Snapshot.assert(frame(state), named: "confirm-trigger-80x24")
    }

    @Test func handOffPromptWithCompletion() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = press(&state, .char("h"), .ctrl("u"), .char("c"))
        Snapshot.assert(frame(state), named: "prompt-handoff-80x24")
    }

    @Test func reportView() {
        var state = Fixtures.state(width: 80, height: 24)
        let report =
            (["# Shift hand-off: EMEA, alice", "", "## Open emergencies"]
            + (1...40).map { "- line \($0) \u{1B}[31m of the report" }).joined(separator: "\n")
        state = Dashboard.update(state, .report(report), now: Fixtures.now).0
        _ = press(&state, .pageDown)
        Snapshot.assert(frame(state), named: "report-80x24")
    }

    @Test func filterLineAndNoColor() {
        var state = Fixtures.state(width: 120, height: 40, noColor: true)
        _ = press(&state, .char("3"), .char("/"))
        type(&state, "org")
        let buffer = frame(state)
        Snapshot.assert(buffer, named: "filter-120x40")
        #expect(buffer.cells.allSatisfy { $0.style.role == .normal })
        #expect(buffer.cells.contains { $0.style.reverse && $0.style.bold })
    }

    @Test func riskHasColourAndAWord() {
        let state = Fixtures.state(width: 120, height: 40)
        let text = Snapshot.text(frame(state))
        for word in ["✖ BREACH", "▲ CRIT", "△ WARN", "· ok", "‖ paused", "NEEDS ORG", "MISSED PAGE"] {
            #expect(text.contains(word), "\(word)")
        }
        #expect(text.contains("-12m"))
        #expect(text.contains("18m 42s") && !text.contains("18:42"))
        #expect(text.contains("3d 4h"))
        let buffer = frame(state)
        #expect(buffer.cells.contains { $0.style.role == .breached })
        #expect(buffer.cells.contains { $0.style.role == .badge })
    }

    @Test func anySizeDrawsWithoutCrashing() {
        var state = Fixtures.state(Self.hostileOverview())
        var rng = SystemRandomNumberGenerator()
        var sizes = [(1, 1), (0, 0), (1, 100), (300, 1), (300, 100), (60, 16), (59, 16), (60, 15)]
        for _ in 0..<60 { sizes.append((Int.random(in: 1...300, using: &rng), Int.random(in: 1...100, using: &rng))) }
        for (w, h) in sizes {
            state = Dashboard.update(state, .resize(width: w, height: h), now: Fixtures.now).0
            let buffer = Dashboard.view(state, now: Fixtures.now, width: w, height: h)
            #expect(buffer.width == w && buffer.height == h)
            Snapshot.checkAligned(buffer)
        }
    }

    @Test func bigOverviewDrawsOnlyWhatIsVisible() {
        var frt: [FRTItem] = []
        for i in 0..<2000 {
            let org: String? = i % 7 == 0 ? nil : "Org \(i % 50)"
            let minutes = Double(i) - 30
            frt.append(Fixtures.frt(Int64(5_000_000 + i), "ticket \(i)", org: org, minutes: minutes))
        }
        var escalations: [EscalationItem] = []
        for i in 0..<200 {
            let e = Escalation(
                id: Int64(1000 + i), title: "escalation \(i)", urgency: .timely, announcedAt: Fixtures.at(-60))
            escalations.append(EscalationItem(escalation: e, respondBy: Fixtures.at(Double(i))))
        }
        var emergencies: [Emergency] = []
        for i in 0..<20 {
            let id = Int64(7_000_000 + i)
            emergencies.append(
                Emergency(id: id, ticket: id, title: "emergency \(i)", pagedAt: Fixtures.at(Double(-3 * i))))
        }
        var state = Fixtures.state(
            Fixtures.overview(emergencies: emergencies, escalations: escalations, frt: frt), width: 200, height: 60)
        _ = press(&state, .char("3"), .char("G"))
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 200, height: 60))
        #expect(text.contains("#5001999"))
        #expect(!text.contains("#5000000 "))
        #expect(text.contains("2000 with SLA"))
        #expect(state.rows[.frt]?.count == 2000)
    }
}

@Suite struct TimeZoneViewTests {
    @Test func clockAndAbsoluteTimesFollowTheZone() {
        var state = Fixtures.state(width: 120, height: 40)
        state.options.timeZone = TimeZone(identifier: "America/Los_Angeles")!
        let text = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
        #expect(text.contains("2026-11-27 06:02:33 PST") || text.contains("2026-11-27 06:02:33 GMT-8"))
        #expect(text.contains("ends 09:00"))
    }
}
