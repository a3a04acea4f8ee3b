import Foundation
import OnCallRules

extension Dashboard {
    /// Routes a key: the too-small screen, then the active dialog, then the filter line, then the registry.
    static func handleKey(_ key: Key, _ state: inout DashboardState, _ effects: inout [Effect], now: Date) {
        let keys = state.keys
        if state.isTooSmall {
            // Only quit and redraw work; action keys are ignored until the terminal is big enough.
            if let binding = keys.binding(for: key, in: state.focus), [.quit, .redraw].contains(binding.action) {
                binding.run(key, target: nil, &state, &effects, now: now)
            }
            return
        }
        if case .paste(let text) = key {
            pasted(text, &state)
            return
        }
        if let modal = state.modal {
            handleModalKey(key, modal, &state, &effects, now: now)
            return
        }
        if let redraw = keys.binding(of: .redraw), redraw.keys.contains(key) {
            redraw.run(key, target: nil, &state, &effects, now: now)
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
        guard let binding = keys.binding(for: key, in: state.focus) else {
            if case .char(let c) = key, c != " " {
                let help = keys.binding(of: .help)?.keyText ?? "?"
                state.status = StatusLine(
                    .refused, "\(key.label): no action in \(state.focus.title) (\(help) shows the keys)")
            }
            return
        }
        binding.run(key, target: state.selected, &state, &effects, now: now)
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

    /// Why a binding cannot run now on `target`, or nil when it can.
    public static func refusal(_ binding: KeyBinding, target: RecordRef?, _ state: DashboardState) -> String? {
        binding.disabledReason(target, state)
    }

    static func noun(_ kind: RecordKind) -> String {
        switch kind {
        case .upgrade: "upgrade request"
        default: kind.rawValue
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
