import Foundation
import OnCallRules

/// The human-readable `status`: alerts, then the three panes as plain tables.
enum StatusText {
    static func render(_ overview: Overview, now: Date, config: OnCallConfig) -> String {
        let utc = TimeZone(identifier: "UTC")!
        var out: [String] = []
        var header = "oncall status at " + ISOTime.short(now, zone: utc, withDay: true)
        if let current = overview.onCall(at: now) {
            header += " · on call: \(safe(current.name))"
            if let region = current.region { header += " (\(region.rawValue))" }
            header += " until " + ISOTime.short(current.end, zone: utc)
        }
        if let next = overview.nextManager(after: now) { header += " · next: \(safe(next.name))" }
        out.append(header)

        for notice in overview.notices {
            out.append("NOTICE #\(notice.id) [\(notice.kind)] \(safe(notice.title))" + (notice.cmoc.map { " · CMOC \(safe($0))" } ?? ""))
        }
        let alerts = overview.alerts(at: now, config: config)
        if !alerts.isEmpty {
            out.append("")
            out.append("ALERTS (\(alerts.count))")
            for alert in alerts { out.append("  ! \(alert.kind.rawValue): \(safe(alert.message))") }
        }

        out.append("")
        out.append("EMERGENCIES (\(overview.emergencies.count))")
        var emergencies = TextTable()
        for e in overview.emergencies {
            let missed = MissedPage.of(e, at: now, timings: config.emergency)
            emergencies.add([
                String(e.id), safe(e.customer ?? "-"), e.state.rawValue, "eng " + safe(e.engineer ?? "-"),
                "lead " + safe(e.lead ?? "-"),
                e.pageTimeKnown ? "age " + Countdown.elapsed(now.timeIntervalSince(e.pagedAt)) : "page time unknown",
                missed == .none ? "" : "MISSED PAGE (\(missed.rawValue))", safe(e.title),
            ])
        }
        out.append(emergencies.rows.isEmpty ? "  none" : emergencies.render())

        out.append("")
        out.append("ESCALATIONS (\(overview.escalations.count))")
        var escalations = TextTable()
        for item in overview.escalations {
            let e = item.escalation
            escalations.add([
                e.projectId == nil ? "#\(e.number)" : safe(e.reference), e.state == .new ? Countdown.format(item.remaining(at: now)) : "responded",
                e.urgency == .unknown ? "urgency not set" : e.urgency.rawValue, e.state.rawValue,
                safe(e.owner ?? e.acknowledgedBy ?? "-"), safe(e.customer ?? "-"), safe(e.title),
            ])
        }
        out.append(escalations.rows.isEmpty ? "  none" : escalations.render())

        if !overview.upgrades.isEmpty {
            out.append("")
            out.append("UPGRADE REQUESTS (\(overview.upgrades.count))")
            var upgrades = TextTable()
            for u in overview.upgrades {
                let flags = u.flags(at: now, config: config).map(\.rawValue).joined(separator: ",")
                upgrades.add([
                    String(u.id), safe(u.customer), ISOTime.short(u.scheduledAt, zone: utc, withDay: true),
                    safe(u.engineer ?? "unassigned"), flags,
                ])
            }
            out.append(upgrades.render())
        }

        out.append("")
        out.append("FRT BREACH RISK (\(overview.frt.count) with SLA, \(overview.waitingForFirstReply) waiting)")
        var frt = TextTable()
        for item in overview.frt {
            let t = item.ticket
            let countdown = item.remaining(at: now).map(Countdown.format) ?? "paused"
            frt.add([
                countdown, item.risk(at: now, thresholds: config.risk).rawValue, String(t.id),
                "\(t.organization == nil ? "needs-org" : t.plan.rawValue)/\(t.priority?.rawValue ?? "-")", safe(t.organization ?? "NEEDS ORG"),
                t.region?.rawValue ?? "-", safe(t.subject),
            ])
        }
        out.append(frt.rows.isEmpty ? "  none" : frt.render())
        if !overview.unreadable.isEmpty {
            out.append("")
            out.append("UNREADABLE RECORDS (\(overview.unreadable.count)): not shown above until repaired")
            for record in overview.unreadable { out.append("  \(safe(record.line))") }
        }
        return out.joined(separator: "\n")
    }

    /// Customer text made safe for a terminal: the dashboard's sanitiser, so escape sequences and controls
    /// never pass through in plain output either.
    static func safe(_ text: String) -> String { SafeText.clean(text) }
}
