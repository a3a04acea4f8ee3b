import Foundation
import OnCallRules

extension Dashboard {
    static let emergencyColumns = [
        Column(title: "", width: 1), Column(title: "Ticket", width: 8), Column(title: "Customer", width: 14, drop: 1, grow: 16),
        Column(title: "Title", width: 0, flex: true), Column(title: "State", width: 9),
        Column(title: "Engineer", width: 10, drop: 2, grow: 14), Column(title: "Lead", width: 10, drop: 3, grow: 10),
        Column(title: "Age", width: 7, right: true),
    ]
    static let escalationColumns = [
        Column(title: "", width: 1), Column(title: "Id", width: 8), Column(title: "Urgency", width: 10, drop: 2),
        Column(title: "State", width: 8), Column(title: "Customer / title", width: 0, flex: true),
        Column(title: "Owner", width: 12, drop: 1, grow: 10), Column(title: "Respond", width: 9, right: true),
    ]
    static let frtColumns = [
        Column(title: "Risk", width: 8), Column(title: "Breach", width: 8, right: true),
        Column(title: "Ticket", width: 8), Column(title: "Plan/priority", width: 16, drop: 3),
        Column(title: "Organization", width: 16, drop: 2, grow: 14), Column(title: "Rgn", width: 4, drop: 1),
        Column(title: "Subject", width: 0, flex: true),
    ]

    static func columns(_ pane: Pane) -> [Column] {
        switch pane {
        case .emergencies: emergencyColumns
        case .escalations: escalationColumns
        case .frt: frtColumns
        }
    }

    /// One pane: title with counts (and filter), column titles, the visible rows only.
    static func drawPane(
        _ pane: Pane, _ state: DashboardState, now: Date, clock: Clock, frame: Layout.Frame, _ canvas: inout Canvas
    ) {
        guard frame.height > 0 else { return }
        let focused = state.focus == pane && state.modal == nil
        let rows = state.rows[pane] ?? []
        // Title line.
        let titleStyle = CellStyle(role: .title, bold: true, reverse: focused)
        canvas.text(0, frame.y, String(repeating: "─", count: canvas.width), CellStyle(role: .dim))
        var title = " \(pane.rawValue + 1) \(pane.title) (\(counts(pane, state))) "
        if let filter = state.filters[pane] { title += "[/\(filter)] " }
        canvas.text(1, frame.y, title, titleStyle, width: canvas.width - 2)
        guard frame.height > 1 else { return }
        // Column titles.
        let table = TableLayout(columns(pane), width: canvas.width - 2)
        for p in table.placed {
            let c = columns(pane)[p.index]
            canvas.text(
                1 + p.x, frame.y + 1, TextFit.padded(c.title, width: p.width, alignRight: c.right),
                CellStyle(role: .dim, bold: true))
        }
        let visible = frame.listHeight
        guard visible > 0 else { return }
        if rows.isEmpty {
            let text = state.filters[pane] != nil ? "no match for the filter (Esc in / clears it)" : emptyText(pane)
            canvas.text(2, frame.listY, text, CellStyle(role: .dim))
            return
        }
        let total = Layout.lineCount(state, pane)
        let selectedRow = state.selectedPosition(pane)
        let selectedLine =
            state.scrollDetached.contains(pane) ? nil : selectedRow.map { Layout.line(ofRow: $0, rows[$0], pane: pane) }
        let top = Layout.scroll(state.scroll[pane] ?? 0, selectedLine: selectedLine, visible: visible, total: total)
        let firstUpgrade = pane == .escalations ? state.firstUpgradeRow : nil
        for line in top..<min(total, top + visible) {
            let y = frame.listY + line - top
            // Map the line back to a row (the upgrades section title takes one line).
            var row = line
            if let fu = firstUpgrade {
                if line == fu {
                    let count = rows.count - fu
                    canvas.text(1, y, "── Upgrade assistance requests (\(count)) ──", CellStyle(role: .title))
                    continue
                }
                if line > fu { row = line - 1 }
            }
            let ref = rows[row]
            let selected = row == selectedRow
            let rowStyle: CellStyle? =
                selected
                ? (focused ? CellStyle(role: .selected, bold: true, reverse: true) : CellStyle(bold: true)) : nil
            if let rowStyle { canvas.fill(0, y, canvas.width, rowStyle) }
            canvas.text(0, y, selected ? (focused ? "▶" : "›") : " ", rowStyle ?? .plain)
            let cells = cellsFor(ref, state, now: now, clock: clock)
            for p in table.placed where p.index < cells.count {
                let spans = cells[p.index].map { span -> Span in
                    guard let rowStyle else { return span }
                    // The selection bar keeps each span's colour role (risk stays visible), reversed when focused.
                    var s = span
                    if s.style.role == .normal { s.style.role = rowStyle.role }
                    s.style.bold = true
                    s.style.reverse = rowStyle.reverse
                    return s
                }
                let c = columns(pane)[p.index]
                if c.right {
                    let w = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
                    canvas.spans(1 + p.x + max(0, p.width - w), y, spans, width: min(w, p.width))
                } else {
                    canvas.spans(1 + p.x, y, spans, width: p.width)
                }
            }
        }
        if total > visible {
            let more = "\(top + 1)-\(min(total, top + visible))/\(total)"
            canvas.text(max(0, canvas.width - more.count - 2), frame.y, " " + more + " ", CellStyle(role: .dim))
        }
    }

    static func emptyText(_ pane: Pane) -> String {
        switch pane {
        case .emergencies: "no active emergencies"
        case .escalations: "no open escalations"
        case .frt: "no tickets waiting for a first reply with an SLA"
        }
    }

    static func counts(_ pane: Pane, _ state: DashboardState) -> String {
        let shown = state.rows[pane]?.count ?? 0
        let o = state.overview
        switch pane {
        case .emergencies:
            let missed = state.missedPages.count
            let base = shown == o.emergencies.count ? "\(shown)" : "\(shown) of \(o.emergencies.count)"
            return missed > 0 ? base + ", \(missed) missed page\(missed == 1 ? "" : "s")" : base
        case .escalations:
            let total = o.escalations.count + state.openUpgrades.count
            let base = shown == total ? "\(o.escalations.count)" : "\(shown) of \(total)"
            return state.openUpgrades.isEmpty ? base : base + " + \(state.openUpgrades.count) upgrades"
        case .frt:
            let base = shown == o.frt.count ? "\(shown)" : "\(shown) of \(o.frt.count)"
            return base + " with SLA, \(o.waitingForFirstReply) waiting"
        }
    }

    // MARK: - Cells

    static func cellsFor(_ ref: RecordRef, _ state: DashboardState, now: Date, clock: Clock) -> [[Span]] {
        switch ref.kind {
        case .emergency: state.emergency(ref.id).map { emergencyCells($0, state, now: now) } ?? []
        case .escalation: state.escalation(ref.id).map { escalationCells($0, state, now: now) } ?? []
        case .upgrade: state.upgrade(ref.id).map { upgradeCells($0, state, now: now, clock: clock) } ?? []
        case .ticket: state.ticket(ref.id).map { frtCells($0, state, now: now) } ?? []
        case .rota, .notice: []
        }
    }

    static func emergencyCells(_ e: Emergency, _ state: DashboardState, now: Date) -> [[Span]] {
        let missed = MissedPage.of(e, at: now, timings: state.config.emergency)
        var title: [Span] = []
        switch missed {
        case .manager:
            // "→YOU" only for the manager on call (or covering); anyone else reads who the next tier is.
            let next = state.onCall?.name
            let badge = next == state.options.actor ? "MISSED PAGE→YOU" : "MISSED PAGE→\(next ?? "ON CALL")"
            title.append(Span(badge, CellStyle(role: .badge, bold: true, reverse: true)))
        case .senior: title.append(Span("MISSED PAGE→SENIOR", CellStyle(role: .badge, bold: true, reverse: true)))
        case .none: break
        }
        if e.compromised {
            if !title.isEmpty { title.append(Span(" ")) }
            title.append(Span("COMPROMISED", CellStyle(role: .alert, bold: true, reverse: true)))
        }
        if !e.pageTimeKnown {
            if !title.isEmpty { title.append(Span(" ")) }
            title.append(Span("PAGE TIME UNKNOWN", CellStyle(role: .warning, bold: true)))
        }
        // Several incidents may name one ticket: each row says which incident it is and how many share it.
        if let ticket = e.ticket {
            let sharing = state.overview.emergencies.filter { $0.ticket == ticket }.count
            if sharing > 1 {
                if !title.isEmpty { title.append(Span(" ")) }
                let incident = e.incidentNumber.map { "PD #\($0)" } ?? "no incident"
                title.append(Span("[\(incident), \(sharing) on ticket]", CellStyle(role: .warning)))
            }
        }
        if !title.isEmpty { title.append(Span(" ")) }
        title.append(Span(e.title))
        let mark: Span =
            missed != .none
            ? Span("‼", CellStyle(role: .badge, bold: true))
            : (e.state == .triggered ? Span("●", CellStyle(role: .critical)) : Span("○", CellStyle(role: .ok)))
        let stateText = e.state == .triggered ? "paged" : "acked"
        return [
            [mark], [Span(e.ticket.map { "#\($0)" } ?? "pd \(e.incidentNumber.map(String.init) ?? String(e.id))")],
            [Span(e.customer ?? "—")], title,
            [Span(stateText, CellStyle(role: e.state == .triggered ? .critical : .ok))],
            [Span(e.engineer ?? "none", CellStyle(role: e.engineer == nil ? .warning : .normal))],
            [Span(e.lead ?? "none", CellStyle(role: e.lead == nil ? .warning : .normal))],
            [
                e.pageTimeKnown
                    ? Span(Countdown.elapsed(now.timeIntervalSince(e.pagedAt))) : Span("?", CellStyle(role: .warning))
            ],
        ]
    }

    /// Risk of an escalation's respond-by, as a role and a glyph.
    static func escalationRisk(_ item: EscalationItem, now: Date) -> (ColorRole, String) {
        guard item.escalation.state == .new else { return (.ok, "✓") }
        let left = item.remaining(at: now)
        if left < 0 { return (.breached, "✖") }
        if left <= 10 * 60 { return (.critical, "▲") }
        if left <= 30 * 60 { return (.warning, "△") }
        return (.ok, "·")
    }

    static func escalationCells(_ item: EscalationItem, _ state: DashboardState, now: Date) -> [[Span]] {
        let e = item.escalation
        let (role, glyph) = escalationRisk(item, now: now)
        let respond: Span =
            e.state == .new
            ? Span(Countdown.format(item.remaining(at: now)), CellStyle(role: role, bold: role != .ok))
            : Span("responded", CellStyle(role: .dim))
        let urgencyRole: ColorRole = e.urgency == .urgent ? .critical : (e.urgency == .timely ? .warning : .normal)
        var title: [Span] = []
        if e.urgency == .unknown { title.append(Span("[urgency not set] ", CellStyle(role: .warning, bold: true))) }
        // The project only when the queue holds more than one (issues in two projects may share an iid).
        if let project = e.project ?? e.projectId.map(String.init),
            state.overview.escalations.contains(where: { $0.escalation.projectId != e.projectId })
        {
            title.append(Span(project + " ", CellStyle(role: .dim)))
        }
        if let customer = e.customer { title.append(Span(customer + ": ", CellStyle(bold: true))) }
        title.append(Span(e.title))
        return [
            [Span(glyph, CellStyle(role: role, bold: true))], [Span("#\(e.number)")],
            [
                e.urgency == .unknown
                    ? Span("not set", CellStyle(role: .warning)) : Span(e.urgency.rawValue, CellStyle(role: urgencyRole))
            ], [Span(shortState(e.state))], title,
            [Span(e.owner ?? "—", CellStyle(role: e.owner == nil ? .dim : .normal))], [respond],
        ]
    }

    static func shortState(_ state: EscalationState) -> String {
        state == .acknowledged ? "acked" : state.rawValue
    }

    static func upgradeCells(_ u: UpgradeRequest, _ state: DashboardState, now: Date, clock: Clock) -> [[Span]] {
        let flags = state.upgradeFlags[u.id] ?? []
        var title: [Span] = []
        for flag in flags {
            title.append(Span("[\(flag.rawValue)]", CellStyle(role: .warning, bold: true)))
            title.append(Span(" "))
        }
        title.append(Span(u.customer + ": ", CellStyle(bold: true)))
        title.append(Span("upgrade \(clock.short(u.scheduledAt, now: now)) \(clock.zoneName(u.scheduledAt))"))
        if u.complex { title.append(Span(" (complex)")) }
        let left = u.scheduledAt.timeIntervalSince(now)
        return [
            [Span(flags.isEmpty ? "·" : "⚑", CellStyle(role: flags.isEmpty ? .ok : .warning, bold: true))],
            [Span("#\(u.id)")], [Span("upgrade", CellStyle(role: .dim))], [Span(u.done ? "done" : "open")], title,
            [Span(u.engineer ?? "—", CellStyle(role: u.engineer == nil ? .warning : .normal))],
            [Span(Countdown.format(left), CellStyle(role: .dim))],
        ]
    }

    /// How a risk reads without colour.
    static func riskLabel(_ risk: Risk) -> (String, ColorRole) {
        switch risk {
        case .breached: ("✖ BREACH", .breached)
        case .critical: ("▲ CRIT", .critical)
        case .warning: ("△ WARN", .warning)
        case .ok: ("· ok", .ok)
        case .paused: ("‖ paused", .paused)
        }
    }

    static func frtCells(_ item: FRTItem, _ state: DashboardState, now: Date) -> [[Span]] {
        let t = item.ticket
        let risk = item.risk(at: now, thresholds: state.config.risk)
        let (word, role) = riskLabel(risk)
        let left = item.remaining(at: now).map(Countdown.format) ?? "—"
        let plan = t.plan.rawValue + (t.priority.map { "/" + $0.rawValue } ?? "")
        let org: Span =
            t.organization.map { Span($0) } ?? Span("NEEDS ORG", CellStyle(role: .warning, bold: true))
        return [
            [Span(word, CellStyle(role: role, bold: risk <= .critical))],
            [Span(left, CellStyle(role: role, bold: risk <= .critical))], [Span("#\(t.id)")], [Span(plan)], [org],
            [Span(t.region?.rawValue ?? "—")], [Span(t.subject)],
        ]
    }
}
