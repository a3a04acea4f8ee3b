import Foundation
import OnCallRules

extension Dashboard {
    /// Draws the whole screen for `state` at `now`. Pure, and cheap: only visible rows are formatted, lists are
    /// already sorted and filtered in the state, deadlines are absolute and only formatted here.
    public static func view(_ state: DashboardState, now: Date, width: Int, height: Int) -> CellBuffer {
        var canvas = Canvas(width: width, height: height, theme: Theme(noColor: state.options.noColor, ascii: state.options.asciiGlyphs))
        guard width > 0, height > 0 else { return canvas.buffer }
        if width < DashboardState.minimumWidth || height < DashboardState.minimumHeight {
            drawTooSmall(&canvas)
            return canvas.buffer
        }
        let clock = Clock(state.options.timeZone)
        let layout = Layout(state, width: width, height: height)
        drawHeader(state, now: now, clock: clock, &canvas)
        drawNotices(state, clock: clock, layout: layout, &canvas)
        drawAlerts(state, y: layout.alertY, lines: layout.alertLines, &canvas)
        if state.loaded {
            for pane in Pane.allCases {
                drawPane(pane, state, now: now, clock: clock, frame: layout.frames[pane]!, &canvas)
            }
        } else {
            canvas.text(1, layout.alertY + 2, "loading…", CellStyle(role: .dim))
        }
        drawStatus(state, y: layout.statusY, &canvas)
        drawFooter(state, y: layout.footerY, &canvas)
        if let modal = state.modal {
            drawModal(modal, state, now: now, clock: clock, &canvas)
        }
        return canvas.buffer
    }

    static func drawTooSmall(_ canvas: inout Canvas) {
        let message = "terminal too small: need \(DashboardState.minimumWidth)x\(DashboardState.minimumHeight)"
        let lines = TextFit.wrap(message, width: canvas.width, maxLines: canvas.height)
        let top = max(0, (canvas.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = DisplayWidth.of(line)
            canvas.text(max(0, (canvas.width - w) / 2), top + i, line, CellStyle(role: .warning, bold: true))
        }
        let now = "now \(canvas.width)x\(canvas.height)"
        if top + lines.count < canvas.height, now.count <= canvas.width {
            canvas.text(max(0, (canvas.width - now.count) / 2), top + lines.count, now, CellStyle(role: .dim))
        }
    }

    // MARK: - Header, notices, alerts

    static func drawHeader(_ state: DashboardState, now: Date, clock: Clock, _ canvas: inout Canvas) {
        let header = CellStyle(role: .header, bold: true)
        canvas.fill(0, 0, canvas.width, CellStyle(role: .header))
        canvas.fill(0, 1, canvas.width, CellStyle(role: .header))
        var time = clock.full(now)
        if let asOf = state.overview.asOf {
            time = "data as of \(clock.short(asOf, now: now)):\(clock.hms(asOf).suffix(2)) · " + time
        }
        let timeWidth = DisplayWidth.of(time)
        var left: [Span] = [Span(" oncall ", header), Span("as ", CellStyle(role: .header))]
        left.append(Span(state.options.actor, header))
        if let region = actorRegion(state, now: now) {
            left.append(Span(" (\(region.rawValue))", CellStyle(role: .header)))
        }
        if state.options.readonly {
            // In the header's own colours (reversed), so the bar has no hole of another background.
            left.append(Span("  ", CellStyle(role: .header)))
            left.append(Span("READ-ONLY", CellStyle(role: .header, bold: true, reverse: true)))
        }
        canvas.spans(0, 0, left, width: max(0, canvas.width - timeWidth - 2))
        canvas.text(max(0, canvas.width - timeWidth - 1), 0, time, header)

        // The longest wording that fits: on a narrow terminal regions, the shift's name and the countdown go
        // before the next manager's name is cut.
        let levels = (0...3).map { onCallLine(state, now: now, clock: clock, compact: $0) }
        let line = levels.first { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } <= canvas.width } ?? levels[3]
        let sources = sourcesLine(state.overview.sources, now: now)
        let used = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if !sources.isEmpty {
            // The live sources' health at the right end; the on-call line keeps what it needs first.
            let room = canvas.width - used - 3
            let width = sources.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if room >= min(width, 12) {
                canvas.spans(0, 1, line, width: used)
                canvas.spans(max(used + 2, canvas.width - width - 1), 1, sources, width: min(width, room))
                return
            }
        }
        canvas.spans(0, 1, line, width: canvas.width)
    }


    /// `zendesk 12s ✓ · pagerduty ✖ 401 check $ONCALL_PAGERDUTY_TOKEN · gitlab 4s ✓ · slack off`: every
    /// source once something has pulled into this store (one never pulled reads "off"); empty otherwise.
    static func sourcesLine(_ sources: [SourceHealth], now: Date) -> [Span] {
        guard !sources.isEmpty else { return [] }
        var spans: [Span] = []
        for kind in SourceKind.allCases {
            if !spans.isEmpty { spans.append(Span(" · ", CellStyle(role: .header))) }
            guard let health = sources.first(where: { $0.source == kind }) else {
                spans.append(Span("\(kind.rawValue) off", CellStyle(role: .header)))
                continue
            }
            let failing = health.lastError != nil
            spans.append(
                Span(
                    SafeText.clean(health.badge(at: now)),
                    // Reversed header colours, not the warning role: the bar keeps one background.
                    failing ? CellStyle(role: .header, bold: true, reverse: true) : CellStyle(role: .header)))
        }
        return spans
    }

    /// The "On call" line at one level of compactness: 0 full, 1 without regions, 2 short words, 3 without
    /// the countdown and the cover's end.
    static func onCallLine(_ state: DashboardState, now: Date, clock: Clock, compact: Int) -> [Span] {
        let header = CellStyle(role: .header, bold: true)
        let style = CellStyle(role: .header)
        guard let on = state.onCall else {
            return [Span(" On call: nobody on the rota now", CellStyle(role: .header, bold: true, underline: true))]
        }
        var line: [Span] = []
        let regions = compact == 0
        let shiftName = on.shift.map { (regions ? ($0.region?.rawValue ?? "") + " shift " : "") + $0.name } ?? on.name
        line.append(Span(" On call: ", style))
        line.append(Span(on.cover == nil ? on.name : shiftName, header))
        if regions, on.cover == nil, let region = on.region { line.append(Span(" (\(region.rawValue))", style)) }
        if let end = on.shiftEnd {
            let countdown = compact >= 3 ? "" : " (\(Countdown.format(end.timeIntervalSince(now))))"
            line.append(Span((compact >= 2 ? " →" : " ends ") + clock.hm(end) + countdown, style))
        }
        if let cover = on.cover {
            line.append(Span(compact >= 2 ? " · cover " : " · covered by ", style))
            line.append(Span(cover.name, CellStyle(role: .header, bold: true, underline: true)))
            if compact < 3 { line.append(Span((compact >= 2 ? " →" : " until ") + clock.hm(cover.end), style)) }
        }
        if let next = on.next {
            line.append(Span(compact >= 2 ? " · next " : " · next: ", style))
            line.append(Span(next.name, header))
            let region = regions ? next.region.map { " (\($0.rawValue))" } ?? "" : ""
            let at = clock.hm(max(on.until ?? next.start, next.start))
            line.append(Span(compact >= 2 ? "\(region) \(at)" : "\(region) at \(at)", style))
        }
        return line
    }

    /// The actor's region: from their rota entry in force now, else their latest one.
    static func actorRegion(_ state: DashboardState, now: Date) -> Region? {
        if state.onCall?.name == state.options.actor, let r = state.onCall?.region { return r }
        let mine = state.overview.rota.filter { $0.name == state.options.actor }
        return (mine.first { $0.start <= now && now < $0.end } ?? mine.last)?.region
    }

    static func drawNotices(_ state: DashboardState, clock: Clock, layout: Layout, _ canvas: inout Canvas) {
        let notices = state.overview.notices.filter(\.isActive)
        let style = CellStyle(role: .alert, bold: true, reverse: true)
        for i in 0..<layout.noticeLines {
            let y = Layout.headerLines + i
            canvas.fill(0, y, canvas.width, style)
            if i == layout.noticeLines - 1, notices.count > layout.noticeLines {
                canvas.text(1, y, "⚠ \(notices.count - i) more notices (see the hand-off report, H)", style)
                continue
            }
            let n = notices[i]
            var text = "⚠ \(n.kind.uppercased()) INCIDENT: \(SafeText.clean(n.title))"
            if let cmoc = n.cmoc { text += " · CMOC \(cmoc)" }
            if let link = n.link { text += " · \(link)" }
            text += " · since \(clock.hm(n.since))"
            canvas.text(1, y, text, style, width: canvas.width - 2)
        }
    }

    /// One alert per line when there is room, else all of them on one line.
    static func drawAlerts(_ state: DashboardState, y: Int, lines: Int, _ canvas: inout Canvas) {
        guard state.loaded else { return }
        let alerts = state.alerts
        if alerts.isEmpty {
            // An empty store or an empty rota is not an all-clear: nothing would raise an alert.
            if let warning = quietWarning(state) {
                canvas.text(1, y, warning, CellStyle(role: .warning, bold: true), width: canvas.width - 2)
            } else {
                canvas.text(1, y, "✓ no alerts", CellStyle(role: .ok))
            }
            return
        }
        let mark = CellStyle(role: .alert, bold: true)
        if lines > 1 {
            for i in 0..<lines {
                if i == lines - 1, alerts.count > lines {
                    canvas.text(1, y + i, "! … and \(alerts.count - i) more alerts (! lists all)", mark)
                } else {
                    canvas.spans(
                        1, y + i, [Span("! ", mark), Span(alerts[i].message, CellStyle(role: .alert))],
                        width: canvas.width - 2)
                }
            }
            return
        }
        var spans = [Span("! \(alerts.count) alert\(alerts.count == 1 ? "" : "s"): ", mark)]
        for (i, alert) in alerts.enumerated() {
            if i > 0 { spans.append(Span(" · ", CellStyle(role: .dim))) }
            spans.append(Span(alert.message, CellStyle(role: .alert)))
        }
        canvas.spans(1, y, spans, width: canvas.width - 2)
    }

    /// Why "no alerts" would mislead: nothing recorded at all, or nobody on the rota now.
    static func quietWarning(_ state: DashboardState) -> String? {
        let o = state.overview
        if o.emergencies.isEmpty, o.escalations.isEmpty, o.frt.isEmpty, o.waitingForFirstReply == 0, o.rota.isEmpty,
            o.upgrades.isEmpty, o.notices.isEmpty
        {
            return "⚠ the store is empty: no alerts only because nothing is recorded "
                + "(oncall demo writes a demo shift; oncall import reads live data)"
        }
        if state.onCall == nil {
            return "⚠ nobody is on the rota now: no alerts, but nobody is named on call (oncall rota add)"
        }
        return nil
    }

    // MARK: - Status and footer

    static func drawStatus(_ state: DashboardState, y: Int, _ canvas: inout Canvas) {
        if state.editingFilter {
            let text = state.filters[state.focus] ?? ""
            canvas.spans(
                0, y,
                [
                    Span(" / filter \(state.focus.title): ", CellStyle(role: .key, bold: true)),
                    Span(text, CellStyle(role: .normal, underline: true)), Span("▏", CellStyle(role: .key)),
                    Span("   Enter keeps · ^U clears the text · Esc clears", CellStyle(role: .dim)),
                ], width: canvas.width)
            return
        }
        guard let status = statusSpan(state) else { return }
        canvas.spans(1, y, [status], width: canvas.width - 2)
    }

    /// The status message with its mark and style, nil when there is none.
    static func statusSpan(_ state: DashboardState) -> Span? {
        guard let status = state.status else { return nil }
        let style: CellStyle =
            switch status.kind {
            case .info: CellStyle(role: .status)
            case .refused: CellStyle(role: .warning, bold: true)
            case .error: CellStyle(role: .breached, bold: true)
            }
        let mark =
            switch status.kind {
            case .info: "› "
            case .refused: "✖ "
            case .error: "‼ "
            }
        return Span(mark + status.text, style)
    }

    /// The keys of what has the keys now (a pane, or the active dialog), from the registry: a binding that
    /// cannot act right now is dimmed.
    static func drawFooter(_ state: DashboardState, y: Int, _ canvas: inout Canvas) {
        var spans: [Span] = []
        if let modal = state.modal {
            for b in state.keys.footer(for: modal.kind) {
                spans.append(Span(b.footerKeyText, CellStyle(role: .key, bold: true)))
                spans.append(Span(" " + b.label + "  ", CellStyle(role: .status)))
            }
            if modal.kind == .detail {
                spans.append(Span("keys", CellStyle(role: .key, bold: true)))
                spans.append(Span(" of the pane act on this item  ", CellStyle(role: .status)))
            }
            // Large views cover the status row: what an action in them did ("report saved to ...") goes here.
            switch modal {
            case .detail, .help, .report, .alerts: if let status = statusSpan(state) { spans.append(status) }
            default: break
            }
            canvas.spans(1, y, spans, width: canvas.width - 2)
            return
        }
        let bindings = state.keys.footer(for: state.focus)
        // Read-only: action keys are not offered at all (the header says READ-ONLY, `?` says why).
        let offered = bindings.filter { !($0.changesData && state.options.readonly) }
        let fit = FooterFit(offered, width: canvas.width - 2) { $0.disabledReason(state.selected, state) != nil }
        canvas.spans(1, y, fit.left, width: max(0, canvas.width - fit.rightWidth - 3))
        canvas.spans(max(1, canvas.width - fit.rightWidth - 1), y, fit.right, width: fit.rightWidth)
    }
}
