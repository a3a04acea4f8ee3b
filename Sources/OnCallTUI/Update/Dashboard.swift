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
            if let undo = state.pendingUndo {
                state.undo = undo
                state.pendingUndo = nil
            }
        case .failed(let message):
            state.status = StatusLine(.refused, message)
            state.pendingUndo = nil
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
        warnActorOnce(&state)
        if !firstLoad, !news.newEmergencies.isEmpty { reveal(news.newEmergencies, &state) }
        if !firstLoad, state.config.dashboard.bell, !news.newEmergencies.isEmpty || !news.newlyMissed.isEmpty {
            effects.append(.bell)
        }
        let title = windowTitle(state)
        if title != state.lastTitle {
            state.lastTitle = title
            effects.append(.setTitle(title))
        }
    }

    /// An actor who is not a manager on the rota (a typo in --as, or an engineer's account) is told once: the
    /// screen's "you" (missed pages, the hand-off target) is about the rota's managers.
    static func warnActorOnce(_ state: inout DashboardState) {
        guard !state.warnedActor, !state.directory.managers.isEmpty else { return }
        state.warnedActor = true
        let actor = state.options.actor
        guard !state.directory.managers.contains(actor) else { return }
        let closest = PeopleDirectory(names: Array(state.directory.managers).sorted()).closest(to: actor)
        state.status = StatusLine(
            .refused,
            "you act as \(actor), who is not a manager on the rota"
                + (closest.map { " (did you mean \($0)?)" } ?? "") + ": check --as or `me` in the config")
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

    /// Scrolls the Emergencies pane so the first of `arrived` is on screen, keeping the selection on its record
    /// (and on screen too when both fit).
    static func reveal(_ arrived: Set<Int64>, _ state: inout DashboardState) {
        let pane = Pane.emergencies
        let rows = state.rows[pane] ?? []
        guard let first = rows.firstIndex(where: { arrived.contains($0.id) }),
            let frame = Layout(state, width: state.width, height: state.height).frames[pane], frame.listHeight > 0
        else { return }
        let visible = frame.listHeight
        let top = state.scroll[pane] ?? 0
        if first >= top && first < top + visible { return }
        if let selected = state.selectedPosition(pane), abs(selected - first) < visible {
            state.scroll[pane] = min(selected, first)
            state.scrollDetached.remove(pane)
        } else {
            state.scroll[pane] = first
            state.scrollDetached.insert(pane)
        }
    }

    /// Moves the remembered scroll so the pane's selection is on screen.
    static func keepVisible(_ pane: Pane, _ state: inout DashboardState) {
        let layout = Layout(state, width: state.width, height: state.height)
        guard let frame = layout.frames[pane] else { return }
        let pinned = !state.scrollDetached.contains(pane)
        let line = state.selectedPosition(pane).flatMap {
            pinned ? Layout.line(ofRow: $0, state.selection[pane]!, pane: pane) : nil
        }
        state.scroll[pane] = Layout.scroll(
            state.scroll[pane] ?? 0, selectedLine: line, visible: frame.listHeight,
            total: Layout.lineCount(state, pane))
    }

    /// Rows in one page of a pane (at least 1).
    static func pageSize(_ pane: Pane, _ state: DashboardState) -> Int {
        max(1, (Layout(state, width: state.width, height: state.height).frames[pane]?.listHeight ?? 1) - 1)
    }
}
