import OnCallRules

extension KeyRegistry {
    /// Every binding, with `remapped` keys in place of the shipped ones of those actions.
    static func makeBindings(_ remapped: [Action: [Key]]) -> [KeyBinding] {
        func keys(_ action: Action, _ shipped: [Key]) -> [Key] { remapped[action] ?? shipped }
        return paneBindings(keys) + dialogBindings(help: keys(.help, [.char("?")]))
    }

    /// Moving, switching panes, and the actions on the records of each pane.
    static func paneBindings(_ keys: (Action, [Key]) -> [Key]) -> [KeyBinding] {
        [
            KeyBinding(.moveUp, [.up, .char("k")], "up", "Move the selection up", inFooter: false) { _, s, _ in
                Dashboard.move(s.focus, by: -1, &s)
            },
            KeyBinding(.moveDown, [.down, .char("j")], "down", "Move the selection down", inFooter: false) { _, s, _ in
                Dashboard.move(s.focus, by: 1, &s)
            },
            KeyBinding(.pageUp, [.pageUp], "page up", "Move up one page", inFooter: false) { _, s, _ in
                Dashboard.move(s.focus, by: -Dashboard.pageSize(s.focus, s), &s)
            },
            KeyBinding(.pageDown, [.pageDown], "page down", "Move down one page", inFooter: false) { _, s, _ in
                Dashboard.move(s.focus, by: Dashboard.pageSize(s.focus, s), &s)
            },
            KeyBinding(.top, [.home, .char("g")], "top", "Go to the first row", inFooter: false) { _, s, _ in
                Dashboard.move(s.focus, by: Int.min / 2, &s)
            },
            KeyBinding(.bottom, [.end, .char("G")], "bottom", "Go to the last row", inFooter: false) { _, s, _ in
                Dashboard.move(s.focus, by: Int.max / 2, &s)
            },
            KeyBinding(.nextPane, [.tab], "next pane", "Focus the next pane", inFooter: false) { _, s, _ in
                focus(s.focus.next, &s)
            },
            KeyBinding(.previousPane, [.backTab], "prev pane", "Focus the previous pane", inFooter: false) { _, s, _ in
                focus(s.focus.previous, &s)
            },
            KeyBinding(.paneEmergencies, [.char("1")], "emergencies", "Focus the Emergencies pane", inFooter: false) {
                _, s, _ in focus(.emergencies, &s)
            },
            KeyBinding(.paneEscalations, [.char("2")], "escalations", "Focus the Escalation queue", inFooter: false) {
                _, s, _ in focus(.escalations, &s)
            },
            KeyBinding(.paneFRT, [.char("3")], "FRT", "Focus the FRT breach risk pane", inFooter: false) { _, s, _ in
                focus(.frt, &s)
            },

            recordAction(
                .acknowledge, keys(.acknowledge, [.char("a")]), "ack", "Acknowledge the selected escalation",
                .escalations, acts: [.escalation]),
            recordAction(
                .assignOwner, keys(.assignOwner, [.char("o")]), "owner",
                "Assign an owner (or an upgrade's engineer), Tab completes", .escalations,
                acts: [.escalation, .upgrade]),
            recordAction(
                .resolveEscalation, keys(.resolveEscalation, [.char("r")]), "resolve",
                "Resolve: pick a label, optional comment, confirm", .escalations, acts: [.escalation]),
            recordAction(
                .rejectEscalation, keys(.rejectEscalation, [.char("x")]), "reject", "Reject with a reason, confirm",
                .escalations, acts: [.escalation]),
            recordAction(
                .triggerEmergency, keys(.triggerEmergency, [.char("t")]), "trigger",
                "Trigger an emergency (shows the PagerDuty fields)", .escalations, acts: [.escalation]),
            recordAction(
                .completeUpgrade, keys(.completeUpgrade, [.char("d")]), "done", "Mark the selected upgrade request done",
                .escalations, acts: [.upgrade]),

            recordAction(
                .takeLead, keys(.takeLead, [.char("l")]), "lead", "Take the lead of the selected emergency",
                .emergencies, acts: [.emergency]),
            recordAction(
                .staffEngineer, keys(.staffEngineer, [.char("s")]), "engineer",
                "Add or replace the engineer, Tab completes", .emergencies, acts: [.emergency]),
            recordAction(
                .handOff, keys(.handOff, [.char("h")]), "handoff",
                "Hand off to the next manager (note required, confirm)", .emergencies, acts: [.emergency]),
            recordAction(
                .resolveEmergency, keys(.resolveEmergency, [.char("r")]), "resolve",
                "Resolve the selected emergency (confirm)", .emergencies, acts: [.emergency]),
            recordAction(
                .flagCompromised, keys(.flagCompromised, [.char("c")]), "flag",
                "Flag or unflag a compromised instance (confirm)", .emergencies, acts: [.emergency]),
            recordAction(
                .checklist, keys(.checklist, [.char("C")]), "checklist",
                "Tick the compromised-instance recovery checklist", .emergencies, acts: [.emergency],
                disabledWhen: { target, state in
                    guard let target, state.emergency(target.id)?.compromised != true else { return nil }
                    let flag = state.keys.binding(of: .flagCompromised)?.keyText ?? "flag"
                    return "emergency \(target.id) is not flagged compromised (\(flag) flags it)"
                }),

            KeyBinding(
                .open, keys(.open, [.enter]), "detail", "Open the selected item: every field and its history",
                acts: [.emergency, .escalation, .upgrade, .ticket]
            ) { p, s, e in
                guard let ref = p.target else { return }
                s.modals.append(.detail(ref: ref, history: nil, scroll: 0))
                e.append(.loadHistory(ref))
            },
            KeyBinding(.filter, keys(.filter, [.char("/")]), "filter", "Filter the focused pane as you type; Esc clears")
            { _, s, _ in
                s.editingFilter = true
                s.status = nil
            },
            KeyBinding(.report, keys(.report, [.char("H")]), "report", "Shift hand-off report (scroll, s saves)") {
                _, s, e in
                s.status = StatusLine(.info, "preparing the hand-off report…")
                e.append(.loadReport)
            },
            KeyBinding(
                .undo, [.char("u")], "undo", "Undo your last acknowledge, assign, take-lead or engineer change (audited)",
                changesData: true
            ) { _, s, e in Dashboard.runUndo(&s, &e) },
            KeyBinding(.alerts, [.char("!")], "alerts", "Every alert in force, most serious first (scroll)") { _, s, _ in
                s.modals.append(.alerts(scroll: 0))
            },
            KeyBinding(.help, keys(.help, [.char("?")]), "help", "Show or hide this help") { _, s, _ in
                s.modals.append(.help(scroll: 0))
            },
            KeyBinding(
                .redraw, keys(.redraw, [.ctrl("l")]), "redraw", "Redraw the screen and reload the data", inFooter: false
            ) { _, _, e in e += [.redraw, .reload] },
            KeyBinding(.quit, keys(.quit, [.char("q")]), "quit", "Quit") { _, _, e in e.append(.quit) },
        ]
    }

    /// An action on the selected record of `pane`: opens its prompt, picker or confirmation, or runs it.
    static func recordAction(
        _ action: Action, _ keys: [Key], _ label: String, _ help: String, _ pane: Pane, acts: [RecordKind],
        disabledWhen: KeyBinding.Reason? = nil
    ) -> KeyBinding {
        KeyBinding(
            action, keys, label, help, scope: .pane(pane), changesData: true, acts: acts, disabledWhen: disabledWhen
        ) { press, state, effects in
            guard let ref = press.target, let revision = state.revision(of: ref) else { return }
            Dashboard.startAction(action, ExpectedRevision(ref, revision: revision), &state, &effects, now: press.now)
        }
    }

    static func focus(_ pane: Pane, _ state: inout DashboardState) {
        state.focus = pane
        state.status = nil
    }
}
