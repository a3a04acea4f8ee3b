import OnCallRules

/// Where everything goes on the main screen for a given state and size. `update` uses it for page sizes and
/// scrolling, `view` for drawing, so the two always agree.
struct Layout: Equatable {
    /// A pane's block: title line, column header line, then its list lines.
    struct Frame: Equatable {
        var y: Int
        var height: Int
        var listY: Int { y + 2 }
        var listHeight: Int { max(0, height - 2) }
    }

    var noticeLines: Int
    var alertY: Int
    var alertLines: Int
    var frames: [Pane: Frame]
    var statusY: Int
    var footerY: Int

    static let headerLines = 2

    init(_ state: DashboardState, width: Int, height: Int) {
        let notices = state.overview.notices.filter(\.isActive).count
        noticeLines = min(notices, height >= 20 ? 2 : 1)
        alertY = Self.headerLines + noticeLines
        alertLines = height >= 30 ? max(1, min(state.alerts.count, height >= 50 ? 5 : 3)) : 1
        statusY = height - 2
        footerY = height - 1
        let top = alertY + alertLines
        let avail = max(0, statusY - top)
        let emergencyNeed = 2 + max(1, Layout.lineCount(state, .emergencies))
        let e = min(emergencyNeed, max(3, avail / 3))
        let rest = max(0, avail - e)
        let escalationNeed = 2 + max(1, Layout.lineCount(state, .escalations))
        let s = min(escalationNeed, max(3, rest / 2))
        let f = max(0, rest - s)
        frames = [
            .emergencies: Frame(y: top, height: e),
            .escalations: Frame(y: top + e, height: s),
            .frt: Frame(y: top + e + s, height: f),
        ]
    }

    /// Lines a pane's list takes: its rows, plus the upgrades section title in the escalation pane.
    static func lineCount(_ state: DashboardState, _ pane: Pane) -> Int {
        let rows = state.rows[pane] ?? []
        if pane == .escalations, rows.last?.kind == .upgrade { return rows.count + 1 }
        return rows.count
    }

    /// The list line a row sits on.
    static func line(ofRow row: Int, _ ref: RecordRef, pane: Pane) -> Int {
        pane == .escalations && ref.kind == .upgrade ? row + 1 : row
    }

    /// The first visible line so that `selected` is visible, starting from the remembered `scroll`.
    static func scroll(_ scroll: Int, selectedLine: Int?, visible: Int, total: Int) -> Int {
        guard visible > 0 else { return 0 }
        var s = scroll
        if let line = selectedLine {
            if line < s { s = line }
            if line >= s + visible { s = line - visible + 1 }
        }
        return max(0, min(s, total - visible))
    }
}
