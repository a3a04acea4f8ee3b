import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Feeds keys through `update` with the fixed clock, collecting effects.
func press(_ state: inout DashboardState, _ keys: Key...) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        let (next, e) = Dashboard.update(state, .key(key), now: Fixtures.now)
        state = next
        effects += e
    }
    return effects
}

func type(_ state: inout DashboardState, _ text: String) {
    for c in text { _ = press(&state, .char(c)) }
}

@Suite struct UpdateTests {
    @Test func selectionFollowsTheRecordAcrossReSort() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .down, .down)
        #expect(state.selected == RecordRef(.escalation, 883))
        var reversed = Fixtures.overview()
        reversed.escalations.reverse()
        state = Dashboard.update(state, .loaded(reversed), now: Fixtures.now).0
        #expect(state.selected == RecordRef(.escalation, 883))
        #expect(state.selectedPosition(.escalations) == 0)
    }

    @Test func selectionStaysInPlaceWhenTheRecordLeaves() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .down)
        #expect(state.selected == RecordRef(.escalation, 882))
        var fewer = Fixtures.overview()
        fewer.escalations.remove(at: 1)
        state = Dashboard.update(state, .loaded(fewer), now: Fixtures.now).0
        #expect(state.selected == RecordRef(.escalation, 883))
    }

    @Test func filterNarrowsTheFocusedPaneAndEscClears() {
        var state = Fixtures.state()
        _ = press(&state, .char("3"), .char("/"))
        type(&state, "needs")
        #expect(state.rows[.frt] == [RecordRef(.ticket, 4_412_002)])
        #expect(state.selected == RecordRef(.ticket, 4_412_002))
        #expect(state.rows[.escalations]?.count == 4)
        _ = press(&state, .escape)
        #expect(state.rows[.frt]?.count == 5)
        #expect(!state.editingFilter)
    }

    @Test func navigationKeys() {
        var state = Fixtures.state()
        _ = press(&state, .char("3"), .char("G"))
        #expect(state.selected == RecordRef(.ticket, 4_412_005))
        _ = press(&state, .char("g"))
        #expect(state.selected == RecordRef(.ticket, 4_412_001))
        _ = press(&state, .pageDown)
        #expect(state.selectedPosition(.frt)! > 0)
        _ = press(&state, .tab)
        #expect(state.focus == .emergencies)
        _ = press(&state, .backTab, .backTab)
        #expect(state.focus == .escalations)
    }

    @Test(arguments: [
        (Key.char("q"), [Effect.quit]), (Key.ctrl("l"), [Effect.redraw, .reload]), (Key.char("H"), [Effect.loadReport]),
    ])
    func globalKeyEffects(_ key: Key, _ effects: [Effect]) {
        var state = Fixtures.state()
        #expect(press(&state, key) == effects)
    }

    @Test func acknowledgeRunsAtOnceWithTheRevisionSeen() {
        var state = Fixtures.state()
        let effects = press(&state, .char("2"), .char("a"))
        #expect(
            effects == [
                .execute(
                    .acknowledgeEscalation(id: 881), expecting: ExpectedRevision(RecordRef(.escalation, 881), revision: 0))
            ])
    }

    @Test func takeLeadRunsAtOnce() {
        var state = Fixtures.state()
        let effects = press(&state, .char("l"))
        #expect(
            effects == [
                .execute(
                    .leadEmergency(id: 4_411_001), expecting: ExpectedRevision(RecordRef(.emergency, 4_411_001), revision: 0)
                )
            ])
    }

    @Test func enterOpensTheDetailAndLoadsHistory() {
        var state = Fixtures.state()
        let effects = press(&state, .enter)
        #expect(effects == [.loadHistory(RecordRef(.emergency, 4_411_001))])
        #expect(state.modal == .detail(ref: RecordRef(.emergency, 4_411_001), history: nil, scroll: 0))
        let event = AuditEvent(
            at: Fixtures.now, actor: "alice", verb: "emergency.lead", target: RecordRef(.emergency, 4_411_001))
        state = Dashboard.update(state, .history(RecordRef(.emergency, 4_411_001), [event]), now: Fixtures.now).0
        #expect(state.modal == .detail(ref: RecordRef(.emergency, 4_411_001), history: [event], scroll: 0))
        _ = press(&state, .escape)
        #expect(state.modal == nil)
    }

    @Test func resolveEscalationPicksALabelTakesACommentAndConfirms() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .down, .char("r"))
        guard case .picker(let picker) = state.modal else {
            Issue.record("no picker")
            return
        }
        #expect(picker.options.prefix(4) == ["No label", "Escalation::License-Issue", "Escalation::Response-Time", "Both: License-Issue and Response-Time"])
        _ = press(&state, .down, .enter)
        type(&state, "renewal fixed")
        _ = press(&state, .enter)
        guard case .confirm(let confirm) = state.modal else {
            Issue.record("no confirm")
            return
        }
        #expect(confirm.lines.prefix(2) == ["Customer: Globex", "Title:    Geo replication stuck 🚀 since upgrade"])
        let effects = press(&state, .char("y"))
        #expect(
            effects == [
                .execute(
                    .resolveEscalation(id: 882, labels: ["Escalation::License-Issue"], comment: "renewal fixed"),
                    expecting: ExpectedRevision(RecordRef(.escalation, 882), revision: 0))
            ])
        #expect(state.modal == nil)
    }

    @Test func resolveWithTypedLabelsAndNoComment() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .down, .char("r"), .char("5"))
        type(&state, "Escalation::Other, Escalation::Docs")
        _ = press(&state, .enter, .enter)
        let effects = press(&state, .enter)
        #expect(
            effects == [
                .execute(
                    .resolveEscalation(id: 882, labels: ["Escalation::Other", "Escalation::Docs"], comment: nil),
                    expecting: ExpectedRevision(RecordRef(.escalation, 882), revision: 0))
            ])
    }

    @Test func resolveWithoutALabelOrBothLabels() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .down, .char("r"), .char("1"), .enter)
        #expect(press(&state, .enter) == [.execute(.resolveEscalation(id: 882, labels: [], comment: nil), expecting: ExpectedRevision(RecordRef(.escalation, 882), revision: 0))])
        _ = press(&state, .char("r"), .char("4"), .enter)
        #expect(press(&state, .enter) == [.execute(.resolveEscalation(id: 882, labels: Dashboard.resolutionLabels, comment: nil), expecting: ExpectedRevision(RecordRef(.escalation, 882), revision: 0))])
    }

    @Test func resolveANewEscalationIsRefusedBeforeTheFirstQuestion() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("r"))
        #expect(state.modal == nil)
        #expect(state.status == StatusLine(.refused, "escalation 881 is new; acknowledge or assign it before resolving it"))
    }

    @Test func cancellingAConfirmationKeepsWhatWasTyped() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("x"))
        type(&state, "Duplicate of 4104")
        _ = press(&state, .enter)
        guard case .confirm(let confirm) = state.modal else {
            Issue.record("no confirm")
            return
        }
        #expect(confirm.lines.contains("Customer: Zürich Bank AG"))
        _ = press(&state, .char("n"))
        guard case .prompt(let prompt) = state.modal else {
            Issue.record("the reason prompt did not come back")
            return
        }
        #expect(prompt.text == "Duplicate of 4104")
        _ = press(&state, .escape)
        #expect(state.modal == nil)
    }

    @Test func rejectNeedsAReasonThenConfirms() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("x"), .enter)
        #expect(state.status == StatusLine(.refused, "a rejection needs a reason"))
        type(&state, "not eligible")
        _ = press(&state, .enter)
        #expect(press(&state, .char("n")) == [])
        _ = press(&state, .escape)
        #expect(state.modal == nil)
        _ = press(&state, .char("x"))
        type(&state, "not eligible")
        let effects = press(&state, .enter, .char("y"))
        #expect(
            effects == [
                .execute(
                    .rejectEscalation(id: 881, reason: "not eligible"),
                    expecting: ExpectedRevision(RecordRef(.escalation, 881), revision: 0))
            ])
    }

    @Test func triggerConfirmationShowsThePagerDutyFields() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("t"))
        guard case .confirm(let confirm) = state.modal else {
            Issue.record("no confirm")
            return
        }
        let text = confirm.lines.joined(separator: "\n")
        #expect(text.contains("Impacted Service: Customer Support"))
        #expect(text.contains("Assign to:        Customer Emergency Rotation"))
        #expect(text.contains("Title:            4400123"))
        #expect(
            press(&state, .enter) == [
                .execute(
                    .triggerEmergency(escalationId: 881),
                    expecting: ExpectedRevision(RecordRef(.escalation, 881), revision: 0))
            ])
    }

    @Test func assignOwnerCompletesFromKnownEngineers() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("o"))
        type(&state, "f")
        _ = press(&state, .tab)
        guard case .prompt(let p1) = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(p1.text == "fatima")
        _ = press(&state, .tab)
        guard case .prompt(let p2) = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(p2.text == "frank")
        #expect(
            press(&state, .enter) == [
                .execute(
                    .assignEscalation(id: 881, owner: "frank"),
                    expecting: ExpectedRevision(RecordRef(.escalation, 881), revision: 0))
            ])
    }

    @Test func completionOffersNamesSeenInTheRecords() {
        let state = Fixtures.state()
        #expect(state.people.contains("dmitri"))
        #expect(state.people.contains("carol"))
        #expect(state.people.contains("bob"))
    }

    @Test func handOffDefaultsToTheNextManagerAndNeedsANote() {
        var state = Fixtures.state()
        _ = press(&state, .char("h"))
        guard case .prompt(let target) = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(target.text == (state.onCall?.next?.name ?? ""))
        #expect(!target.text.isEmpty)
        _ = press(&state, .ctrl("u"))
        type(&state, "carol")
        _ = press(&state, .enter, .enter)
        #expect(state.status == StatusLine(.refused, "a hand-off needs a note"))
        type(&state, "bridge open, customer restoring")
        let effects = press(&state, .enter, .char("y"))
        #expect(
            effects == [
                .execute(
                    .handOffEmergency(id: 4_411_001, to: "carol", note: "bridge open, customer restoring"),
                    expecting: ExpectedRevision(RecordRef(.emergency, 4_411_001), revision: 0))
            ])
    }

    @Test func compromisedFlagAndChecklist() {
        var state = Fixtures.state()
        _ = press(&state, .char("C"))
        #expect(state.status == StatusLine(.refused, "emergency 4411001 is not flagged compromised (c flags it)"))
        let flag = press(&state, .char("c"), .char("y"))
        #expect(
            flag == [
                .execute(
                    .flagEmergency(id: 4_411_001, compromised: true),
                    expecting: ExpectedRevision(RecordRef(.emergency, 4_411_001), revision: 0))
            ])
        _ = press(&state, .down, .char("C"))
        guard case .picker(let picker) = state.modal else {
            Issue.record("no picker")
            return
        }
        #expect(picker.options[0].hasPrefix("[x] "))
        #expect(picker.options[1].hasPrefix("[ ] "))
        let tick = press(&state, .down, .enter)
        #expect(
            tick == [
                .execute(
                    .tickChecklist(id: 4_411_002, item: "upgrade", done: true),
                    expecting: ExpectedRevision(RecordRef(.emergency, 4_411_002), revision: 0))
            ])
        let untick = press(&state, .char("C"), .enter)
        #expect(
            untick == [
                .execute(
                    .tickChecklist(id: 4_411_002, item: "restore-backup", done: false),
                    expecting: ExpectedRevision(RecordRef(.emergency, 4_411_002), revision: 0))
            ])
    }

    @Test func actionsWorkFromTheDetailView() {
        var state = Fixtures.state()
        _ = press(&state, .down, .enter)
        #expect(
            press(&state, .char("l")) == [
                .execute(
                    .leadEmergency(id: 4_411_002), expecting: ExpectedRevision(RecordRef(.emergency, 4_411_002), revision: 0)
                )
            ])
        #expect(state.focus == .emergencies)
    }

    @Test func upgradeRowsTakeTheirOwnActions() {
        var state = Fixtures.state()
        _ = press(&state, .char("2"), .char("G"))
        #expect(state.selected == RecordRef(.upgrade, 4_402_000))
        _ = press(&state, .char("a"))
        #expect(state.status == StatusLine(.refused, "a (ack) applies to escalation, not to upgrade request 4402000"))
        #expect(
            press(&state, .char("d"), .char("y")) == [
                .execute(
                    .completeUpgrade(id: 4_402_000), expecting: ExpectedRevision(RecordRef(.upgrade, 4_402_000), revision: 0)
                )
            ])
        _ = press(&state, .char("o"))
        type(&state, "erin")
        #expect(
            press(&state, .enter) == [
                .execute(
                    .assignUpgrade(id: 4_402_000, engineer: "erin"),
                    expecting: ExpectedRevision(RecordRef(.upgrade, 4_402_000), revision: 0))
            ])
    }

    @Test func refusedActionShowsTheRulesMessage() {
        var state = Fixtures.state()
        state =
            Dashboard.update(
                state, .failed("escalation 882 is already acknowledged by alice at 13:44 UTC"), now: Fixtures.now
            ).0
        #expect(state.status == StatusLine(.refused, "escalation 882 is already acknowledged by alice at 13:44 UTC"))
    }

    @Test func readonlyRefusesEveryActionAndSaysSo() {
        var state = Fixtures.state(readonly: true)
        for key in [Key.char("l"), .char("s"), .char("h"), .char("r"), .char("c")] {
            #expect(press(&state, key) == [])
            #expect(state.status?.kind == .refused)
            #expect(state.status?.text.hasPrefix("read-only: ") == true)
            #expect(state.modal == nil)
        }
        _ = press(&state, .char("2"))
        #expect(press(&state, .char("a")) == [])
        #expect(state.status == StatusLine(.refused, "read-only: a (ack) is disabled (--readonly)"))
        #expect(press(&state, .char("j")) == [])
        #expect(state.selected == RecordRef(.escalation, 882))
    }

    @Test func tooSmallIgnoresActionKeys() {
        var state = Fixtures.state()
        state = Dashboard.update(state, .resize(width: 40, height: 10), now: Fixtures.now).0
        #expect(state.isTooSmall)
        #expect(press(&state, .char("l"), .char("2"), .char("a"), .enter, .char("/")) == [])
        #expect(state.focus == .emergencies)
        #expect(state.modal == nil)
        #expect(!state.editingFilter)
        #expect(press(&state, .char("q")) == [.quit])
    }

    @Test func everyActionKeyIsInTheRegistryOnce() {
        #expect(KeyRegistry.standard.conflicts().isEmpty)
        for action in Action.allCases {
            #expect(KeyRegistry.standard.binding(of: action) != nil, "\(action)")
        }
        let footer = KeyRegistry.standard.footer(for: .escalations).map(\.keyText)
        #expect(footer.starts(with: ["a", "o", "r", "x", "t"]))
        #expect(KeyRegistry.standard.footer(for: .emergencies).map(\.keyText).starts(with: ["l", "s", "h", "r"]))
    }

    @Test func bellOnANewEmergencyAndOnANewlyMissedPage() {
        var state = Fixtures.state()
        var more = Fixtures.overview()
        more.emergencies.append(Emergency(id: 99, ticket: 99, title: "new", pagedAt: Fixtures.now))
        let (s1, e1) = Dashboard.update(state, .loaded(more), now: Fixtures.now)
        #expect(e1.contains(.bell))
        state = s1
        let (_, e2) = Dashboard.update(state, .tick, now: Fixtures.now.addingTimeInterval(30))
        #expect(!e2.contains(.bell))
        let (_, e3) = Dashboard.update(state, .tick, now: Fixtures.now.addingTimeInterval(11 * 60))
        #expect(e3.contains(.bell))
    }

    @Test func titleCarriesTheCounts() {
        let s = DashboardState(
            config: Fixtures.config, options: DashboardOptions(actor: "alice", timeZone: Fixtures.utc))
        let (_, effects) = Dashboard.update(s, .loaded(Fixtures.overview()), now: Fixtures.now)
        #expect(
            effects.contains(
                .setTitle("oncall: 2 emergencies (1 missed page) · 3 escalations · 7 awaiting first reply")))
    }

    @Test func reportOpensScrollsAndSaves() {
        var state = Fixtures.state()
        state = Dashboard.update(state, .report("# Hand-off\nline"), now: Fixtures.now).0
        #expect(state.modal == .report(text: "# Hand-off\nline", scroll: 0))
        _ = press(&state, .down)
        #expect(state.modal == .report(text: "# Hand-off\nline", scroll: 0))
        _ = press(&state, .char("s"))
        guard case .prompt(let prompt) = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == "oncall-handoff-20261127-1402.md")
        #expect(
            press(&state, .enter) == [.saveReport(text: "# Hand-off\nline", path: "oncall-handoff-20261127-1402.md")])
        state = Dashboard.update(state, .saved("/tmp/x.md"), now: Fixtures.now).0
        #expect(state.status == StatusLine(.info, "report saved to /tmp/x.md"))
    }

    /// Issue 14 item 12: an existing file is replaced only after the user says so.
    @Test func savingOverAnExistingFileAsksFirst() {
        var state = Fixtures.state()
        state = Dashboard.update(state, .report("# Hand-off"), now: Fixtures.now).0
        _ = press(&state, .char("s"))
        #expect(press(&state, .enter) == [.saveReport(text: "# Hand-off", path: "oncall-handoff-20261127-1402.md")])
        state = Dashboard.update(
            state, .saveWouldReplace(text: "# Hand-off", path: "oncall-handoff-20261127-1402.md"), now: Fixtures.now
        ).0
        guard case .picker(let picker) = state.modal else {
            Issue.record("no question: \(String(describing: state.modal))")
            return
        }
        #expect(picker.title == "oncall-handoff-20261127-1402.md exists")
        #expect(picker.selected == 0 && picker.options[0] == "Choose another name", "the default keeps the file")
        // Enter on the default: back to the name prompt, nothing saved.
        #expect(press(&state, .enter).isEmpty)
        guard case .prompt(let prompt) = state.modal else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.text == "oncall-handoff-20261127-1402.md")
        _ = press(&state, .escape)
        state = Dashboard.update(state, .saveWouldReplace(text: "# Hand-off", path: "a.md"), now: Fixtures.now).0
        #expect(press(&state, .down, .enter) == [.saveReport(text: "# Hand-off", path: "a.md", replacing: true)])
    }
}

@Suite struct ModalScrollTests {
    @Test func reportScrollStopsAtTheEnd() {
        var state = Fixtures.state(width: 80, height: 24)
        let text = (1...100).map { "line \($0)" }.joined(separator: "\n")
        state = Dashboard.update(state, .report(text), now: Fixtures.now).0
        _ = press(&state, .char("G"))
        #expect(state.modal == .report(text: text, scroll: 100 - (24 - 2 - 1 - 2)))
        _ = press(&state, .up)
        #expect(state.modal == .report(text: text, scroll: 100 - (24 - 2 - 1 - 2) - 1))
    }

    @Test func noColorFromFlagOrEnvironment() {
        #expect(DashboardOptions.colorDisabled(flag: true, environment: [:]))
        #expect(DashboardOptions.colorDisabled(flag: false, environment: ["NO_COLOR": "1"]))
        #expect(!DashboardOptions.colorDisabled(flag: false, environment: ["NO_COLOR": ""]))
        #expect(!DashboardOptions.colorDisabled(flag: false, environment: [:]))
    }
}

@Suite struct RegistryDispatchTests {
    /// Every binding does something visible when pressed where it applies: an effect, a modal, a move, or a
    /// status line saying why not.
    @Test(arguments: KeyRegistry.standard.bindings.filter(\.isOnPanes).map(\.action))
    func everyKeyHasAnEffect(_ action: Action) {
        let binding = KeyRegistry.standard.binding(of: action)!
        var state = Fixtures.state()
        switch binding.scope {
        case .pane(let pane): state.focus = pane
        case .global, .dialog: state.focus = action == .paneEscalations ? .frt : .escalations
        }
        _ = press(&state, .down)
        let before = state
        let effects = press(&state, binding.keys[0])
        let changed =
            !effects.isEmpty || state.modal != nil || state.focus != before.focus
            || state.selection != before.selection || state.editingFilter || state.status != nil
        #expect(changed, "\(action)")
    }

    @Test func everyActionKeyIsRefusedWhenReadonly() {
        for binding in KeyRegistry.standard.bindings where binding.changesData {
            var state = Fixtures.state(readonly: true)
            if case .pane(let pane) = binding.scope { state.focus = pane }
            #expect(press(&state, binding.keys[0]) == [], "\(binding.action)")
            #expect(state.modal == nil)
            #expect(state.status?.text.contains("--readonly") == true)
        }
    }
}

extension KeyBinding {
    /// Acts on the panes (not inside a dialog).
    var isOnPanes: Bool {
        if case .dialog = scope { return false }
        return true
    }
}
