import Foundation
import OnCallRules

extension Dashboard {
    /// Draws the active modal over the panes.
    static func drawModal(_ modal: Modal, _ state: DashboardState, now: Date, clock: Clock, _ canvas: inout Canvas) {
        let border = CellStyle(role: .title, bold: true)
        // Large views cover everything between the header and the footer.
        let bigX = 0
        let bigY = Layout.headerLines
        let bigW = canvas.width
        let bigH = canvas.height - Layout.headerLines - 1
        switch modal {
        case .detail(let ref, let history, let scroll):
            let lines = detailLines(ref, state, history: history, now: now, clock: clock, width: bigW - 4)
            scrolledBox(
                title: "\(noun(ref.kind).capitalized) \(ref.id)", lines: lines, scroll: scroll,
                x: bigX, y: bigY, w: bigW, h: bigH, border, &canvas)
        case .help(let scroll):
            scrolledBox(
                title: "Keys", lines: helpLines(state), scroll: scroll, x: bigX, y: bigY, w: bigW, h: bigH,
                border, &canvas)
        case .alerts(let scroll):
            scrolledBox(
                title: "Alerts (\(state.alerts.count)), most serious first", lines: alertLines(state, width: bigW - 4),
                scroll: scroll, x: bigX, y: bigY, w: bigW, h: bigH, border, &canvas)
        case .report(let text, let scroll):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span(String($0))] }
            scrolledBox(
                title: "Shift hand-off report", lines: lines, scroll: scroll, x: bigX, y: bigY, w: bigW, h: bigH,
                border, &canvas)
        case .prompt(let prompt):
            // Five matches at a time, scrolled so the one Tab reached is among them.
            let allMatches = prompt.candidates.isEmpty ? [] : prompt.matches
            let first = max(0, min((prompt.completionIndex ?? 0) - 4, allMatches.count - 5))
            let matches = Array(allMatches.dropFirst(first).prefix(5))
            let w = min(canvas.width - 4, 72)
            let h = 5 + (matches.isEmpty ? 0 : matches.count + 1)
            let x = (canvas.width - w) / 2
            let y = max(Layout.headerLines, (canvas.height - h) / 2)
            canvas.box(x: x, y: y, width: w, height: h, title: prompt.title, style: border)
            canvas.text(x + 2, y + 1, prompt.hint, CellStyle(role: .dim), width: w - 4)
            // Show the end of long input, so the cursor stays in view.
            let field = w - 6
            let glyphs = Array(SafeText.glyphs(prompt.text))
            var shown: [Glyph] = []
            var used = 0
            for g in glyphs.reversed() {
                if used + g.width > field - 1 { break }
                shown.insert(g, at: 0)
                used += g.width
            }
            canvas.text(x + 2, y + 2, "> ", CellStyle(role: .key, bold: true))
            canvas.fill(x + 4, y + 2, field, CellStyle(underline: true))
            let drawn = canvas.glyphs(x + 4, y + 2, shown, CellStyle(underline: true))
            canvas.text(x + 4 + drawn, y + 2, "▏", CellStyle(role: .key, bold: true))
            if !matches.isEmpty {
                let all = allMatches.count
                let count =
                    prompt.completionIndex.map { "Tab: \($0 + 1) of \(all) matches" }
                    ?? "Tab cycles \(all) match\(all == 1 ? "" : "es"):"
                canvas.text(x + 2, y + 3, count, CellStyle(role: .dim), width: w - 4)
                for (i, m) in matches.enumerated() {
                    let chosen = m == prompt.text
                    canvas.text(
                        x + 4, y + 4 + i, m, CellStyle(role: chosen ? .selected : .normal, reverse: chosen),
                        width: w - 6)
                }
            }
        case .picker(let picker):
            let w = min(canvas.width - 4, 76)
            let h = min(canvas.height - Layout.headerLines - 1, picker.options.count + 3)
            let x = (canvas.width - w) / 2
            let y = max(Layout.headerLines, (canvas.height - h) / 2)
            canvas.box(x: x, y: y, width: w, height: h, title: picker.title, style: border)
            let visible = max(1, h - 3)
            let top = Layout.scroll(0, selectedLine: picker.selected, visible: visible, total: picker.options.count)
            for i in top..<min(picker.options.count, top + visible) {
                let chosen = i == picker.selected
                let style = chosen ? CellStyle(role: .selected, bold: true, reverse: true) : CellStyle.plain
                if chosen { canvas.fill(x + 1, y + 1 + i - top, w - 2, style) }
                canvas.text(x + 2, y + 1 + i - top, "\(i + 1). \(picker.options[i])", style, width: w - 4)
            }
        case .confirm(let confirm):
            let w = min(canvas.width - 4, 76)
            let h = min(canvas.height - Layout.headerLines - 1, confirm.lines.count + 4)
            let x = (canvas.width - w) / 2
            let y = max(Layout.headerLines, (canvas.height - h) / 2)
            canvas.box(
                x: x, y: y, width: w, height: h, title: confirm.title, style: CellStyle(role: .warning, bold: true))
            for (i, line) in confirm.lines.enumerated() where i < h - 3 {
                canvas.text(x + 2, y + 1 + i, line, .plain, width: w - 4)
            }
            canvas.spans(
                x + 2, y + h - 2,
                [
                    Span("y", CellStyle(role: .key, bold: true)), Span(" confirm   "),
                    Span("n", CellStyle(role: .key, bold: true)), Span(" cancel"),
                ], width: w - 4)
        }
    }

    /// A bordered box of lines with a scroll offset (clamped) and a position indicator.
    static func scrolledBox(
        title: String, lines: [[Span]], scroll: Int, x: Int, y: Int, w: Int, h: Int, _ border: CellStyle,
        _ canvas: inout Canvas
    ) {
        canvas.box(x: x, y: y, width: w, height: h, title: title, style: border)
        let visible = max(0, h - 2)
        let top = max(0, min(scroll, lines.count - visible))
        for i in 0..<visible where top + i < lines.count {
            canvas.spans(x + 2, y + 1 + i, lines[top + i], width: w - 4)
        }
        if lines.count > visible {
            let more = " \(top + 1)-\(min(lines.count, top + visible))/\(lines.count) "
            canvas.text(max(0, x + w - more.count - 2), y + h - 1, more, CellStyle(role: .dim))
        }
    }

    /// The full alert list, each alert wrapped to the width (nothing cut).
    static func alertLines(_ state: DashboardState, width: Int) -> [[Span]] {
        if state.alerts.isEmpty {
            return [[Span(quietWarning(state) ?? "✓ no alerts", CellStyle(role: quietWarning(state) == nil ? .ok : .warning))]]
        }
        var lines: [[Span]] = []
        let mark = CellStyle(role: .alert, bold: true)
        for alert in state.alerts {
            let wrapped = TextFit.wrap(alert.message, width: max(1, width - 2), maxLines: 8)
            for (i, part) in wrapped.enumerated() {
                lines.append([Span(i == 0 ? "! " : "  ", mark), Span(part, CellStyle(role: .alert))])
            }
        }
        return lines
    }

    /// Every binding of the registry by where it acts, with the reason a binding cannot act right now.
    static func helpLines(_ state: DashboardState) -> [[Span]] {
        var lines: [[Span]] = []
        let keyStyle = CellStyle(role: .key, bold: true)
        let dim = CellStyle(role: .dim)
        func line(_ b: KeyBinding, reason: String?) -> [Span] {
            var line = [Span(TextFit.padded(b.keyText.isEmpty ? "(text)" : b.keyText, width: 14), keyStyle), Span(b.help)]
            if let reason { line.append(Span("  (disabled: \(reason))", dim)) }
            return line
        }
        let groups: [(String, KeyScope)] = [
            ("Everywhere", .global), ("Emergencies (1)", .pane(.emergencies)),
            ("Escalation queue (2)", .pane(.escalations)),
        ]
        for (name, scope) in groups {
            lines.append([Span(name, CellStyle(role: .title, bold: true))])
            for b in state.keys.bindings(in: scope) {
                // The focused pane's keys say why they cannot act on its selection; other panes' only read-only.
                let here = scope == .global || scope == .pane(state.focus)
                let reason =
                    b.changesData && state.options.readonly
                    ? "--readonly" : here ? b.disabledReason(state.selected, state) : nil
                lines.append(line(b, reason: reason))
            }
            lines.append([])
        }
        let dialogs: [(String, DialogKind)] = [("In a text prompt", .prompt), ("In a list", .picker), ("In a confirmation", .confirm)]
        for (name, dialog) in dialogs {
            lines.append([Span(name, CellStyle(role: .title, bold: true))])
            for b in state.keys.bindings(in: .dialog(dialog)) { lines.append(line(b, reason: nil)) }
            lines.append([])
        }
        lines.append([Span("In the detail view the pane's action keys act on the item shown.", dim)])
        lines.append([])
        lines.append([
            Span(
                "Risk reads without colour: ✖ breached/overdue · ▲ critical · △ warning · · ok · ‖ paused",
                CellStyle(role: .dim))
        ])
        lines.append([
            Span(
                "‼ MISSED PAGE: the page went unanswered and falls to the manager on call.",
                CellStyle(role: .dim))
        ])
        return lines
    }

    // MARK: - Detail

    static func detailLines(
        _ ref: RecordRef, _ state: DashboardState, history: [AuditEvent]?, now: Date, clock: Clock, width: Int
    ) -> [[Span]] {
        var lines: [[Span]] = []
        func field(_ name: String, _ value: String?, _ style: CellStyle = .plain) {
            let label = Span(TextFit.padded(name, width: 20), CellStyle(role: .dim, bold: true))
            let wrapped = TextFit.wrap(value ?? "—", width: max(1, width - 20), maxLines: 6)
            for (i, part) in wrapped.enumerated() {
                lines.append([i == 0 ? label : Span(String(repeating: " ", count: 20)), Span(part, style)])
            }
        }
        func time(_ date: Date?) -> String? { date.map { clock.full($0) } }
        func countdown(_ date: Date?) -> String? {
            date.map { clock.full($0) + "  (" + Countdown.format($0.timeIntervalSince(now)) + ")" }
        }
        switch ref.kind {
        case .emergency:
            guard let e = state.emergency(ref.id) else { return [[Span("no longer listed: resolved or removed")]] }
            let missed = MissedPage.of(e, at: now, timings: state.config.emergency)
            field("Title", e.title, CellStyle(bold: true))
            field("Customer", e.customer)
            let sharing = e.ticket.map { t in state.overview.emergencies.filter { $0.ticket == t && $0.id != e.id } } ?? []
            field(
                "Zendesk ticket",
                e.ticket.map { t in
                    String(t) + (sharing.isEmpty ? "" : " (also named by emergency "
                        + sharing.map { String($0.id) }.joined(separator: ", ") + ")")
                })
            field("State", e.state.rawValue)
            if missed != .none {
                field(
                    "Missed page",
                    missed == .senior ? "yes: senior managers paged" : "yes: falls to the manager on call",
                    CellStyle(role: .badge, bold: true, reverse: true))
            }
            if e.pageTimeKnown {
                field("Paged at", time(e.pagedAt))
                field("Running for", Countdown.elapsed(now.timeIntervalSince(e.pagedAt)))
            } else {
                field(
                    "Paged at", "unknown: no payload said when the incident was created (no missed-page clock)",
                    CellStyle(role: .warning, bold: true))
                field("First seen", time(e.pagedAt))
            }
            field("Engineer", e.engineer)
            field("Engineer acked at", time(e.engineerAcknowledgedAt))
            field("Lead", e.lead)
            field("Escalated at", time(e.escalatedAt))
            field("PagerDuty incident", e.incidentId.map { id in id + (e.incidentNumber.map { " (#\($0))" } ?? "") })
            field(
                "PagerDuty service",
                e.serviceName.map { name in name + (e.serviceId.map { " (\($0))" } ?? "") } ?? e.serviceId)
            field("Missed-page tiers", state.config.emergency.tiers(for: e).text)
            field("From escalation", e.escalationId.map { "#\($0)" })
            field("Resolved at", time(e.resolvedAt))
            field(
                "Compromised", e.compromised ? "YES: join before any call is offered" : "no",
                e.compromised ? CellStyle(role: .alert, bold: true) : .plain)
            if e.compromised {
                lines.append([Span("Recovery checklist (C ticks an item)", CellStyle(role: .title, bold: true))])
                for item in CompromisedChecklist.items {
                    let done = e.checklistDone.contains(item.id)
                    lines.append([
                        Span(done ? "  [x] " : "  [ ] ", CellStyle(role: done ? .ok : .warning, bold: true)),
                        Span(item.title),
                    ])
                }
            }
            if e.handoffs.isEmpty {
                field("Hand-offs", "none")
            } else {
                lines.append([Span("Hand-offs", CellStyle(role: .title, bold: true))])
                for h in e.handoffs {
                    field("  " + clock.full(h.at), "\(h.from ?? "—") → \(h.to): \(h.note)")
                }
            }
            field("Source updated", time(e.sourceUpdatedAt))
            field("Revision", String(e.revision))
        case .escalation:
            guard let item = state.escalation(ref.id) else { return [[Span("no longer listed: closed or removed")]] }
            let e = item.escalation
            let (role, _) = escalationRisk(item, now: now)
            field("Title", e.title, CellStyle(bold: true))
            field("Customer", e.customer)
            field("GitLab issue", e.projectId == nil ? nil : e.reference)
            field("Zendesk ticket", e.ticket.map(String.init))
            if e.urgency == .unknown {
                field(
                    "Urgency", "not set (respond-by from escalation_minutes.unknown)",
                    CellStyle(role: .warning, bold: true))
            } else {
                field("Urgency", e.urgency.rawValue)
            }
            field("State", e.state.rawValue)
            field("Announced at", time(e.announcedAt))
            field("Respond by", countdown(item.respondBy), CellStyle(role: role))
            field(
                "Acknowledged by",
                e.acknowledgedBy.map { $0 + (e.acknowledgedAt.map { " at " + clock.full($0) } ?? "") })
            field("Owner", e.owner)
            field("Labels", e.labels.isEmpty ? nil : e.labels.joined(separator: ", "))
            field("Resolution comment", e.resolutionComment)
            field("Rejection reason", e.rejectionReason)
            field("Closed at", time(e.closedAt))
            field("Emergency", e.emergencyId.map { "#\($0)" })
            field("Source updated", time(e.sourceUpdatedAt))
            field("Revision", String(e.revision))
        case .upgrade:
            guard let u = state.upgrade(ref.id) else { return [[Span("no longer listed: done or removed")]] }
            let flags = state.upgradeFlags[u.id] ?? []
            field("Customer", u.customer, CellStyle(bold: true))
            field("Scheduled at", countdown(u.scheduledAt))
            field("Requested at", time(u.requestedAt))
            field("Complex", u.complex ? "yes (multi-node, HA or Geo)" : "no")
            field("Engineer", u.engineer)
            field("Previous engineer", u.previousEngineer)
            field("Engineer changed", time(u.engineerChangedAt))
            field(
                "Flags", flags.isEmpty ? "none" : flags.map(\.rawValue).joined(separator: ", "),
                flags.isEmpty ? .plain : CellStyle(role: .warning, bold: true))
            field("Done", u.done ? "yes" : "no")
            field("Revision", String(u.revision))
        case .ticket:
            guard let item = state.ticket(ref.id) else { return [[Span("no longer listed: replied or closed")]] }
            let t = item.ticket
            let risk = item.risk(at: now, thresholds: state.config.risk)
            let (word, role) = riskLabel(risk)
            field("Subject", t.subject, CellStyle(bold: true))
            field("Organization", t.organization ?? "NEEDS ORG (no organization yet: the Needs Org policy applies)")
            field("Plan", t.plan.rawValue)
            field("Priority", t.priority?.rawValue)
            field("Policy", item.policy)
            field("Status", t.status.rawValue)
            field("Risk", word, CellStyle(role: role, bold: true))
            field("FRT breach at", item.paused ? "paused" : countdown(item.deadline))
            field("Created at", time(t.createdAt))
            field("Region", t.region?.rawValue)
            field("Assignee", t.assignee)
            field("Deadline from", item.sourceText)
            if item.source == .zendesk {
                field("Computed breach at", time(item.computedDeadline) ?? "no SLA under the local policy config")
            }
            if let drift = item.driftText { field("Policy config", drift, CellStyle(role: .warning, bold: true)) }
            field("First reply at", time(t.firstReplyAt))
            field("Source updated", time(t.sourceUpdatedAt))
            field("Revision", String(t.revision))
        case .rota, .notice:
            break
        }
        lines.append([])
        lines.append([Span("History (newest first)", CellStyle(role: .title, bold: true))])
        switch history {
        case .none:
            lines.append([Span("loading…", CellStyle(role: .dim))])
        case .some(let events) where events.isEmpty:
            lines.append([Span("no audit events", CellStyle(role: .dim))])
        case .some(let events):
            for event in events {
                var text = "\(event.actor) \(event.verb)"
                if let before = event.before, let after = event.after {
                    text += ": \(before) → \(after)"
                } else if let after = event.after {
                    text += ": \(after)"
                }
                if let note = event.note { text += " (\(note))" }
                lines.append([Span(clock.full(event.at) + "  ", CellStyle(role: .dim)), Span(text)])
            }
        }
        return lines
    }
}
