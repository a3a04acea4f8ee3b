import Foundation
import OnCallRules

/// The dashboard as pure functions: `update` turns a message into a new state and effects, `view` draws a state.
public enum Dashboard {
    /// Applies one message. Pure: the clock is `now`, and everything with a side effect is returned as an `Effect`.
    public static func update(_ state: DashboardState, _ msg: Msg, now: Date) -> (DashboardState, [Effect]) {
        var state = state
        var effects: [Effect] = []
        switch msg {
        case .key(let key):
            handleKey(key, &state, &effects, now: now)
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
            for pane in Pane.allCases { keepVisible(pane, &state) }
        case .tick:
            clockMoved(&state, &effects, now: now, firstLoad: false)
        case .loaded(let overview):
            let first = !state.loaded
            state.take(overview)
            for pane in Pane.allCases { keepVisible(pane, &state) }
            clockMoved(&state, &effects, now: now, firstLoad: first)
        case .loadFailed(let message):
            state.status = StatusLine(.error, "reload failed: \(message)")
        case .executed(let message):
            state.status = StatusLine(.info, message)
        case .failed(let message):
            state.status = StatusLine(.refused, message)
        case .history(let ref, let events):
            if let i = state.modals.lastIndex(where: { if case .detail(ref, _, _) = $0 { true } else { false } }),
                case .detail(_, _, let scroll) = state.modals[i]
            {
                state.modals[i] = .detail(ref: ref, history: events, scroll: scroll)
            }
        case .report(let text):
            state.modals.append(.report(text: text, scroll: 0))
            state.status = nil
        case .saved(let path):
            state.status = StatusLine(.info, "report saved to \(path)")
        case .saveWouldReplace(let text, let path):
            state.modals.append(
                .picker(
                    Picker(
                        title: "\(path) exists", options: ["Choose another name", "Replace it"],
                        flow: .replaceReport(text: text, path: path))))
        }
        return (state, effects)
    }

    /// Clock-derived values, the bell for new emergencies and missed pages, and the terminal title.
    static func clockMoved(_ state: inout DashboardState, _ effects: inout [Effect], now: Date, firstLoad: Bool) {
        guard state.loaded else { return }
        let news = state.refreshClock(now: now)
        if !firstLoad, state.config.dashboard.bell, !news.newEmergencies.isEmpty || !news.newlyMissed.isEmpty {
            effects.append(.bell)
        }
        let title = windowTitle(state)
        if title != state.lastTitle {
            state.lastTitle = title
            effects.append(.setTitle(title))
        }
    }

    /// "oncall: 2 emergencies (1 missed page) · 5 escalations · 40 awaiting first reply".
    static func windowTitle(_ state: DashboardState) -> String {
        let o = state.overview
        var text = "oncall: \(o.emergencies.count) emergenc\(o.emergencies.count == 1 ? "y" : "ies")"
        if !state.missedPages.isEmpty { text += " (\(state.missedPages.count) missed page)" }
        text += " · \(o.escalations.count) escalation\(o.escalations.count == 1 ? "" : "s")"
        text += " · \(o.waitingForFirstReply) awaiting first reply"
        return text
    }

    /// Moves the remembered scroll so the pane's selection is on screen.
    static func keepVisible(_ pane: Pane, _ state: inout DashboardState) {
        let layout = Layout(state, width: state.width, height: state.height)
        guard let frame = layout.frames[pane] else { return }
        let line = state.selectedPosition(pane).map { Layout.line(ofRow: $0, state.selection[pane]!, pane: pane) }
        state.scroll[pane] = Layout.scroll(
            state.scroll[pane] ?? 0, selectedLine: line, visible: frame.listHeight,
            total: Layout.lineCount(state, pane))
    }

    /// Rows in one page of a pane (at least 1).
    static func pageSize(_ pane: Pane, _ state: DashboardState) -> Int {
        max(1, (Layout(state, width: state.width, height: state.height).frames[pane]?.listHeight ?? 1) - 1)
    }
}
