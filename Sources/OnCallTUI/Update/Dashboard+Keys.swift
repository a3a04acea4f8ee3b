import Foundation
import OnCallRules

extension Dashboard {
    /// Routes a key: the too-small screen, then the active modal, then the filter line, then the registry.
    static func handleKey(_ key: Key, _ state: inout DashboardState, _ effects: inout [Effect], now: Date) {
        if state.isTooSmall {
            // Only quit and redraw work; action keys are ignored until the terminal is big enough.
            switch key {
            case .char("q"): effects.append(.quit)
            case .ctrl("l"): effects += [.redraw, .reload]
            default: break
            }
            return
        }
        if case .paste(let text) = key {
            pasted(text, &state)
            return
        }
        if key == .ctrl("l") {
            effects += [.redraw, .reload]
            return
        }
        if let modal = state.modal {
            handleModalKey(key, modal, &state, &effects, now: now)
            return
        }
        if state.editingFilter, handleFilterKey(key, &state) { return }
        if key == .escape, state.filters[state.focus] != nil {
            // Esc clears a filter kept with Enter.
            state.filters[state.focus] = nil
            state.rebuildRows(state.focus)
            keepVisible(state.focus, &state)
            state.status = StatusLine(.info, "filter cleared")
            return
        }
        guard let binding = KeyRegistry.binding(for: key, in: state.focus) else {
            if case .char(let c) = key, c != " " {
                state.status = StatusLine(
                    .refused, "\(key.label): no action in \(state.focus.title) (? shows the keys)")
            }
            return
        }
        perform(binding, target: state.selected, &state, &effects, now: now)
    }

    /// A bracketed paste is text for the open prompt or filter (line breaks and controls as spaces), and never
    /// a key: outside a prompt it is ignored, so pasted "reason⏎y" cannot answer a confirmation.
    static func pasted(_ raw: String, _ state: inout DashboardState) {
        let text = SafeText.clean(raw)
        if case .prompt(var prompt) = state.modal {
            prompt.insert(text)
            state.modals[state.modals.count - 1] = .prompt(prompt)
            return
        }
        if state.modal == nil, state.editingFilter {
            let pane = state.focus
            let joined = (state.filters[pane] ?? "") + text
            state.filters[pane] = joined.isEmpty ? nil : String(joined.prefix(200))
            state.rebuildRows(pane)
            keepVisible(pane, &state)
            return
        }
        state.status = StatusLine(.refused, "pasted text ignored: paste into a prompt or the filter (/)")
    }

    /// Typing into the focused pane's filter; returns false for keys that should act as usual (arrows).
    static func handleFilterKey(_ key: Key, _ state: inout DashboardState) -> Bool {
        let pane = state.focus
        var text = state.filters[pane] ?? ""
        switch key {
        case .char(let c):
            text.append(c)
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .ctrl("u"):
            text = ""
        case .escape:
            text = ""
            state.editingFilter = false
        case .enter:
            state.editingFilter = false
        default:
            return false
        }
        state.filters[pane] = text.isEmpty ? nil : text
        state.rebuildRows(pane)
        keepVisible(pane, &state)
        return true
    }

    /// Why an action cannot run now, or nil when it can.
    public static func refusal(_ binding: KeyBinding, target: RecordRef?, _ state: DashboardState) -> String? {
        if state.isTooSmall, binding.action != .quit, binding.action != .redraw {
            return "terminal too small: need \(DashboardState.minimumWidth)x\(DashboardState.minimumHeight)"
        }
        if binding.changesData, state.options.readonly {
            return "read-only: \(binding.keyText) (\(binding.label)) is disabled (--readonly)"
        }
        if !binding.acts.isEmpty {
            guard let target else {
                return "\(binding.keyText) (\(binding.label)): nothing selected in \(state.focus.title)"
            }
            if !binding.acts.contains(target.kind) {
                let kinds = binding.acts.map { noun($0) }.joined(separator: " or ")
                return
                    "\(binding.keyText) (\(binding.label)) applies to \(kinds), not to \(noun(target.kind)) \(target.id)"
            }
            if state.revision(of: target) == nil { return "\(noun(target.kind)) \(target.id) is no longer listed" }
        }
        return nil
    }

    static func noun(_ kind: RecordKind) -> String {
        switch kind {
        case .upgrade: "upgrade request"
        default: kind.rawValue
        }
    }

    /// Runs one registry action on `target` (the selected row, or the record in the detail view).
    static func perform(
        _ binding: KeyBinding, target: RecordRef?, _ state: inout DashboardState, _ effects: inout [Effect],
        now: Date
    ) {
        if let why = refusal(binding, target: target, state) {
            state.status = StatusLine(.refused, why)
            return
        }
        let pane = state.focus
        let expect = target.flatMap { ref in state.revision(of: ref).map { Expectation(ref, revision: $0) } }
        switch binding.action {
        case .moveUp: move(pane, by: -1, &state)
        case .moveDown: move(pane, by: 1, &state)
        case .pageUp: move(pane, by: -pageSize(pane, state), &state)
        case .pageDown: move(pane, by: pageSize(pane, state), &state)
        case .top: move(pane, by: Int.min / 2, &state)
        case .bottom: move(pane, by: Int.max / 2, &state)
        case .nextPane: state.focus = pane.next
        case .previousPane: state.focus = pane.previous
        case .paneEmergencies: state.focus = .emergencies
        case .paneEscalations: state.focus = .escalations
        case .paneFRT: state.focus = .frt
        case .open:
            state.modals.append(.detail(ref: target!, history: nil, scroll: 0))
            effects.append(.loadHistory(target!))
        case .filter:
            state.editingFilter = true
        case .help:
            state.modals.append(.help(scroll: 0))
        case .redraw:
            effects += [.redraw, .reload]
        case .quit:
            effects.append(.quit)
        case .report:
            state.status = StatusLine(.info, "preparing the hand-off report…")
            effects.append(.loadReport)
        case .undo:
            runUndo(&state, &effects)
        case .alerts:
            state.modals.append(.alerts(scroll: 0))
        default:
            startAction(binding.action, expect!, &state, &effects, now: now)
        }
        if binding.action == .filter || binding.action.isPaneSwitch {
            state.status = nil
        }
    }

    /// Moves a pane's selection by `delta` rows, clamped.
    static func move(_ pane: Pane, by delta: Int, _ state: inout DashboardState) {
        guard let rows = state.rows[pane], !rows.isEmpty else { return }
        let current = state.selectedPosition(pane) ?? 0
        let target = max(0, min(rows.count - 1, current.addingReportingOverflow(delta).partialValue))
        state.selection[pane] = rows[target]
        state.scrollDetached.remove(pane)
        keepVisible(pane, &state)
    }
}

extension Action {
    var isPaneSwitch: Bool {
        [.nextPane, .previousPane, .paneEmergencies, .paneEscalations, .paneFRT].contains(self)
    }
}
