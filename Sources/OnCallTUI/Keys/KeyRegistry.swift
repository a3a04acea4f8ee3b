import OnCallRules

/// The one table of key bindings: it drives dispatch, the footer and the `?` help.
public enum KeyRegistry {
    public static let bindings: [KeyBinding] = [
        KeyBinding(.moveUp, [.up, .char("k")], "up", "Move the selection up", inFooter: false),
        KeyBinding(.moveDown, [.down, .char("j")], "down", "Move the selection down", inFooter: false),
        KeyBinding(.pageUp, [.pageUp], "page up", "Move up one page", inFooter: false),
        KeyBinding(.pageDown, [.pageDown], "page down", "Move down one page", inFooter: false),
        KeyBinding(.top, [.home, .char("g")], "top", "Go to the first row", inFooter: false),
        KeyBinding(.bottom, [.end, .char("G")], "bottom", "Go to the last row", inFooter: false),
        KeyBinding(.nextPane, [.tab], "next pane", "Focus the next pane", inFooter: false),
        KeyBinding(.previousPane, [.backTab], "prev pane", "Focus the previous pane", inFooter: false),
        KeyBinding(.paneEmergencies, [.char("1")], "emergencies", "Focus the Emergencies pane", inFooter: false),
        KeyBinding(.paneEscalations, [.char("2")], "escalations", "Focus the Escalation queue", inFooter: false),
        KeyBinding(.paneFRT, [.char("3")], "FRT", "Focus the FRT breach risk pane", inFooter: false),

        KeyBinding(
            .acknowledge, [.char("a")], "ack", "Acknowledge the selected escalation",
            scope: .pane(.escalations), changesData: true, acts: [.escalation]),
        KeyBinding(
            .assignOwner, [.char("o")], "owner", "Assign an owner (or an upgrade's engineer), Tab completes",
            scope: .pane(.escalations), changesData: true, acts: [.escalation, .upgrade]),
        KeyBinding(
            .resolveEscalation, [.char("r")], "resolve", "Resolve: pick a label, optional comment, confirm",
            scope: .pane(.escalations), changesData: true, acts: [.escalation]),
        KeyBinding(
            .rejectEscalation, [.char("x")], "reject", "Reject with a reason, confirm",
            scope: .pane(.escalations), changesData: true, acts: [.escalation]),
        KeyBinding(
            .triggerEmergency, [.char("t")], "trigger", "Trigger an emergency (shows the PagerDuty fields)",
            scope: .pane(.escalations), changesData: true, acts: [.escalation]),
        KeyBinding(
            .completeUpgrade, [.char("d")], "done", "Mark the selected upgrade request done",
            scope: .pane(.escalations), changesData: true, acts: [.upgrade]),

        KeyBinding(
            .takeLead, [.char("l")], "lead", "Take the lead of the selected emergency",
            scope: .pane(.emergencies), changesData: true, acts: [.emergency]),
        KeyBinding(
            .staffEngineer, [.char("s")], "engineer", "Add or replace the engineer, Tab completes",
            scope: .pane(.emergencies), changesData: true, acts: [.emergency]),
        KeyBinding(
            .handOff, [.char("h")], "handoff", "Hand off to the next manager (note required, confirm)",
            scope: .pane(.emergencies), changesData: true, acts: [.emergency]),
        KeyBinding(
            .resolveEmergency, [.char("r")], "resolve", "Resolve the selected emergency (confirm)",
            scope: .pane(.emergencies), changesData: true, acts: [.emergency]),
        KeyBinding(
            .flagCompromised, [.char("c")], "flag", "Flag or unflag a compromised instance (confirm)",
            scope: .pane(.emergencies), changesData: true, acts: [.emergency]),
        KeyBinding(
            .checklist, [.char("C")], "checklist", "Tick the compromised-instance recovery checklist",
            scope: .pane(.emergencies), changesData: true, acts: [.emergency]),

        KeyBinding(
            .open, [.enter], "detail", "Open the selected item: every field and its history",
            acts: [.emergency, .escalation, .upgrade, .ticket]),
        KeyBinding(.filter, [.char("/")], "filter", "Filter the focused pane as you type; Esc clears"),
        KeyBinding(.report, [.char("H")], "report", "Shift hand-off report (scroll, s saves)"),
        KeyBinding(
            .undo, [.char("u")], "undo", "Undo your last acknowledge, assign, take-lead or engineer change (audited)",
            changesData: true),
        KeyBinding(.alerts, [.char("!")], "alerts", "Every alert in force, most serious first (scroll)"),
        KeyBinding(.help, [.char("?")], "help", "Show or hide this help"),
        KeyBinding(.redraw, [.ctrl("l")], "redraw", "Redraw the screen and reload the data", inFooter: false),
        KeyBinding(.quit, [.char("q")], "quit", "Quit"),
    ]

    /// The binding a key triggers in a pane: the pane's own bindings win over global ones.
    public static func binding(for key: Key, in pane: Pane) -> KeyBinding? {
        bindings.first { $0.scope == .pane(pane) && $0.keys.contains(key) }
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// The binding of an action in a pane (or global).
    public static func binding(of action: Action) -> KeyBinding? { bindings.first { $0.action == action } }

    /// The footer's bindings for a pane: its own actions first, then the global ones.
    public static func footer(for pane: Pane) -> [KeyBinding] {
        bindings.filter { $0.inFooter && $0.scope == .pane(pane) }
            + bindings.filter { $0.inFooter && $0.scope == .global }
    }

    /// Keys bound twice in one scope (or a pane key shadowing a global one): should be empty.
    public static func conflicts() -> [String] {
        var seen: [String: Action] = [:]
        var out: [String] = []
        for b in bindings {
            for key in b.keys {
                let scopes: [String] =
                    switch b.scope {
                    case .global: Pane.allCases.map { "\($0)" }
                    case .pane(let p): ["\(p)"]
                    }
                for scope in scopes {
                    let slot = "\(scope) \(key.label)"
                    if let other = seen[slot], other != b.action {
                        out.append("\(key.label) in \(scope): \(other.rawValue) and \(b.action.rawValue)")
                    }
                    seen[slot] = b.action
                }
            }
        }
        return out
    }
}
