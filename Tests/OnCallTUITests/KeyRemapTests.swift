import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// `[keys]` remapping: the new key acts, the old one does not, footer and help show the new one; bad
/// remappings are refused naming the key.
@Suite struct KeyRemapTests {
    static func state(_ keys: [String: [String]], width: Int = 120, height: Int = 40) -> DashboardState {
        var config = Fixtures.config
        config.dashboard.keys = keys
        let s = DashboardState(
            config: config, options: DashboardOptions(actor: "alice", timeZone: Fixtures.utc), width: width,
            height: height)
        return Dashboard.update(s, .loaded(Fixtures.overview()), now: Fixtures.now).0
    }

    func frame(_ state: DashboardState) -> CellBuffer {
        Dashboard.view(state, now: Fixtures.now, width: state.width, height: state.height)
    }

    @Test func remappedKeyActsAndTheOldOneDoesNot() {
        var state = Self.state(["acknowledge": ["A"]])
        _ = press(&state, .char("2"))
        let target = state.selected!
        #expect(press(&state, .char("a")) == [])
        #expect(state.status?.text == "a: no action in Escalation queue (? shows the keys)")
        let effects = press(&state, .char("A"))
        #expect(effects.count == 1)
        guard case .execute(.acknowledgeEscalation(let id), _) = effects.first else {
            Issue.record("A did not acknowledge: \(effects)")
            return
        }
        #expect(id == target.id)
    }

    @Test func aListGivesSeveralKeysAndEachWorks() {
        var state = Self.state(["handoff": ["h", "ctrl-o"]])
        _ = press(&state, .char("1"))
        _ = press(&state, .ctrl("o"))
        guard case .prompt(let prompt) = state.modal else {
            Issue.record("ctrl-o opened no prompt")
            return
        }
        #expect(prompt.title.hasPrefix("Hand off emergency"))
        _ = press(&state, .escape, .char("h"))
        #expect(state.modal?.kind == .prompt)
    }

    @Test func remappedHelpOpensAndClosesTheHelpAndWorksFromTheDetailView() {
        var state = Self.state(["help": ["f1"]])
        _ = press(&state, .char("?"))
        #expect(state.modal == nil)
        _ = press(&state, .function(1))
        #expect(state.modal == .help(scroll: 0))
        _ = press(&state, .function(1))
        #expect(state.modal == nil)
        _ = press(&state, .enter, .char("?"))
        #expect(state.modal?.kind == .detail)
        _ = press(&state, .function(1))
        #expect(state.modal == .help(scroll: 0))
    }

    @Test func remappedQuitAndRedrawWorkOnATooSmallScreen() {
        var state = Self.state(["quit": ["Q"], "redraw": ["ctrl-r"]], width: 40, height: 10)
        #expect(press(&state, .char("q")) == [])
        #expect(press(&state, .ctrl("l")) == [])
        #expect(press(&state, .ctrl("r")) == [.redraw, .reload])
        #expect(press(&state, .char("Q")) == [.quit])
    }

    @Test func footerAndHelpShowTheRemappedKeys() {
        var state = Self.state(["acknowledge": ["A"], "handoff": ["h", "ctrl-o"], "help": ["f1"], "quit": ["Q"]])
        _ = press(&state, .char("2"))
        Snapshot.assert(frame(state), named: "footer-remapped-120x40")
        let footer = Snapshot.text(frame(state)).split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("A ack"))
        #expect(!footer.contains("a ack"))
        // 120 columns hold all but the report key: F1 says there is more.
        #expect(footer.hasSuffix("F1 more  Q quit"))
        _ = press(&state, .function(1))
        Snapshot.assert(frame(state), named: "help-remapped-120x40")
        let help = Snapshot.text(frame(state))
        #expect(help.contains("│ A" + String(repeating: " ", count: 13) + "Acknowledge the selected escalation"))
        #expect(help.contains("│ h/^O" + String(repeating: " ", count: 10) + "Hand off"))
    }

    @Test func refusalsNameTheRemappedKey() {
        var state = Self.state(["flag": ["f"]])
        _ = press(&state, .char("1"))
        let target = state.selected!
        _ = press(&state, .char("C"))
        #expect(state.status?.text == "emergency \(target.id) is not flagged compromised (f flags it)")
    }

    static let refused: [([String: [String]], KeyConfigError)] = [
        (["ack": ["A"]], KeyConfigError(keyPath: "keys.ack", message: "unknown action (expected one of: acknowledge, assign, resolve, reject, trigger, done, lead, engineer, handoff, resolve_emergency, flag, checklist, detail, filter, report, help, redraw, quit)")),
        (["quit": ["ctrl-z"]], KeyConfigError(keyPath: "keys.quit", message: "\"ctrl-z\" cannot be bound: the terminal sends it as suspend")),
        (["quit": ["q", "meta-q"]], KeyConfigError(keyPath: "keys.quit[1]", message: "\"meta-q\" is not a key name (expected \(Key.configSyntax))")),
        (["filter": ["tab"]], KeyConfigError(keyPath: "keys.filter", message: "\"tab\" already means \"Focus the next pane\" (a fixed key) in the Emergencies pane")),
        (["detail": ["y"]], KeyConfigError(keyPath: "keys.detail", message: "\"y\" is also keys.acknowledge in the Escalation queue pane")),
        (["engineer": ["k"]], KeyConfigError(keyPath: "keys.engineer", message: "\"k\" already means \"Move the selection up\" (a fixed key) in the Emergencies pane")),
        (["lead": ["space"]], KeyConfigError(keyPath: "keys.lead", message: "\"space\" already means \"Scroll a line, a page (PgUp/PgDn/Space), to the top or the end\" (a fixed key) in the detail view of the Emergencies pane")),
    ]

    @Test(arguments: 0..<refused.count)
    func conflictsAndUnknownNamesAreRefused(_ index: Int) {
        let (remap, expected) = Self.refused[index]
        var remapping = remap
        // "y" for detail only conflicts once acknowledge is on "y" too.
        if remapping["detail"] == ["y"] { remapping["acknowledge"] = ["y"] }
        #expect(throws: expected) { try KeyRegistry(remapping: remapping) }
    }

    @Test func keyNamesReadBackAsWritten() throws {
        let names = ["a", "A", "?", "ctrl-o", "space", "enter", "esc", "tab", "shift-tab", "backspace", "delete", "up", "down", "left", "right", "pgup", "pgdn", "home", "end", "f1", "f12"]
        for name in names {
            #expect(try Key.parse(configName: name).configName == name)
        }
        #expect(try Key.parse(configName: "Ctrl-O") == .ctrl("o"))
        #expect(try Key.parse(configName: "ESCAPE") == .escape)
        #expect(try Key.parse(configName: "F5") == .function(5))
    }

    @Test func theStandardKeysHaveNoConflicts() throws {
        #expect(KeyRegistry.standard.conflicts() == [])
        #expect(try KeyRegistry.normalized([:]) == [:])
    }
}

/// Dialogs register their keys like the panes: every key their footer shows is one they accept, and keys
/// they do not list do nothing.
@Suite struct DialogKeyTests {
    static func open(_ kind: DialogKind) -> DashboardState {
        var state = Fixtures.state(width: 120, height: 40)
        switch kind {
        case .detail: _ = press(&state, .enter)
        case .help: _ = press(&state, .char("?"))
        case .alerts: _ = press(&state, .char("!"))
        case .report: state = Dashboard.update(state, .report("# Hand-off\nline"), now: Fixtures.now).0
        case .prompt: _ = press(&state, .char("1"), .char("h"))
        case .picker:
            _ = press(&state, .char("1"))
            let ref = state.selected!
            let expect = ExpectedRevision(ref, revision: state.revision(of: ref)!)
            state.modals.append(.picker(Picker(title: "Pick", options: ["one", "two"], flow: .checklist(expect))))
        case .confirm: _ = press(&state, .char("2"), .char("t"))
        }
        return state
    }

    @Test(arguments: DialogKind.allCases)
    func everyFooterKeyIsAccepted(_ kind: DialogKind) {
        let state = Self.open(kind)
        #expect(state.modal?.kind == kind)
        let footer = Snapshot.text(Dashboard.view(state, now: Fixtures.now, width: 120, height: 40))
            .split(separator: "\n").last.map(String.init) ?? ""
        for binding in state.keys.footer(for: kind) {
            #expect(footer.contains("\(binding.footerKeyText) \(binding.label)"), "\(kind): \(binding.label)")
            for key in binding.keys {
                #expect(
                    state.keys.binding(for: key, in: kind)?.help == binding.help,
                    "\(kind): \(key.label) does not reach \(binding.label)")
            }
        }
    }

    @Test func confirmationAcceptsOnlyWhatItLists() {
        var state = Self.open(.confirm)
        #expect(state.keys.footer(for: .confirm).map(\.footerKeyText) == ["y/Enter", "n/Esc/q"])
        _ = press(&state, .char("a"), .char("x"), .tab)
        #expect(state.modal?.kind == .confirm)
        #expect(press(&state, .char("Y")).count == 1)
        #expect(state.modal == nil)
    }
}
