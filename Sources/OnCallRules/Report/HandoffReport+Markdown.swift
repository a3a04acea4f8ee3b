import Foundation

extension HandoffReport {
    /// The report as GitLab Markdown (an issue or a comment), times shown in `timeZone`.
    public func markdown(timeZone: TimeZone) -> String { render(.markdown, timeZone: timeZone) }

    /// The report as Slack mrkdwn (no tables, no headings Slack would not draw), times shown in `timeZone`.
    public func slack(timeZone: TimeZone) -> String { render(.slack, timeZone: timeZone) }

    /// Open work first, then what was done; every piece of text from a record is cleaned, neutralised and
    /// escaped for `style` (see `ReportText`).
    func render(_ style: ReportText.Style, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        // UTC reads better than the formatter's "GMT" in a report meant for a global team.
        let isUTC =
            timeZone.secondsFromGMT() == 0 && ["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(timeZone.identifier)
        formatter.dateFormat = isUTC ? "yyyy-MM-dd HH:mm 'UTC'" : "yyyy-MM-dd HH:mm zzz"
        let short = DateFormatter()
        short.locale = Locale(identifier: "en_US_POSIX")
        short.timeZone = timeZone
        short.dateFormat = "HH:mm"
        func at(_ date: Date) -> String { formatter.string(from: date) }
        /// Text from a record (a title, a name, a note): never trusted.
        func t(_ value: String) -> String { ReportText.escaped(value, style) }
        func or(_ value: String?, _ fallback: String) -> String { value.map(t) ?? fallback }
        func bold(_ text: String) -> String { style == .markdown ? "**\(text)**" : "*\(text)*" }
        let bullet = style == .markdown ? "- " : "• "
        func section(_ title: String, _ lines: [String], empty: String) -> String {
            let heading = style == .markdown ? "### \(title)\n" : "*\(title)*\n"
            return heading + (lines.isEmpty ? "\(bullet)\(empty)\n" : lines.map { "\(bullet)\($0)\n" }.joined())
        }

        let title = "Support Manager On-call hand-off: \(at(generatedAt))"
        var out = style == .markdown ? "## \(title)\n\n" : "*\(title)*\n\n"
        out += "Shift since \(at(since))"
        if let onCall { out += " · on call: \(bold(t(onCall)))" }
        if let nextManager { out += " · next: \(bold(t(nextManager)))" }
        out += "\n\n"

        out +=
            section(
                "Open emergencies (\(emergencies.count))",
                emergencies.map { e in
                    var line = "\(bold(String(e.id))) \(t(e.title))\(e.customer.map { " (\(t($0)))" } ?? ""): "
                    line += "\(e.state.rawValue), running \(Countdown.elapsed(e.runningSeconds)), "
                    line += "lead \(or(e.lead, "none")), engineer \(or(e.engineer, "none"))"
                    if e.missedPage != .none { line += ", " + bold("missed page (\(e.missedPage.rawValue))") }
                    if e.compromised {
                        line += ", " + bold("compromised instance")
                        if !e.checklistOpen.isEmpty {
                            line += " (open steps: \(e.checklistOpen.joined(separator: ", ")))"
                        }
                    }
                    if let note = e.lastHandoffNote { line += "; last hand-off note: \(t(note))" }
                    return line
                }, empty: "none") + "\n"

        out +=
            section(
                "Open escalations (\(escalations.count))",
                escalations.map { e in
                    var line = bold(String(e.id))
                    if let ticket = e.ticket { line += " (ticket \(ticket))" }
                    line += " \(t(e.title))\(e.customer.map { " (\(t($0)))" } ?? ""): "
                    line += "\(e.urgency.rawValue), \(e.state.rawValue)"
                    if let owner = e.owner {
                        line += ", owner \(t(owner))"
                    } else if let by = e.acknowledgedBy {
                        line += ", by \(t(by))"
                    }
                    let countdown = Countdown.format(e.remainingSeconds)
                    line +=
                        e.state == .new && e.remainingSeconds < 0
                        ? ", " + bold("overdue by \(Countdown.compact(Int(-e.remainingSeconds) / 60))")
                        : ", respond by \(short.string(from: e.respondBy)) (\(countdown))"
                    return line
                }, empty: "none") + "\n"

        out +=
            section(
                "Alerts (\(alerts.count))", alerts.map { "\(bold($0.kind.rawValue)): \(t($0.message))" },
                empty: "none") + "\n"

        out +=
            section(
                "Upgrade requests needing attention (\(upgrades.count))",
                upgrades.map { u in
                    "\(bold(String(u.id))) \(t(u.customer)) at \(at(u.scheduledAt)), engineer \(or(u.engineer, "none")): "
                        + u.flags.map(\.rawValue).joined(separator: ", ")
                }, empty: "none") + "\n"

        out +=
            section(
                "Active notices (\(notices.count))",
                notices.map { n in
                    var line = "\(bold(t(n.kind))): \(t(n.title)) since \(at(n.since))"
                    if let cmoc = n.cmoc { line += ", CMOC \(t(cmoc))" }
                    // The manager's own status-page link stays a link; only control characters go.
                    if let link = n.link { line += " (\(SafeText.clean(link)))" }
                    return line
                }, empty: "none") + "\n"

        let frtTitle = "FRT at risk (\(frtAtRiskTotal) of \(waitingForFirstReply) waiting for a first reply)"
        var frt = style == .markdown ? "### \(frtTitle)\n" : "*\(frtTitle)*\n"
        if !frtByRisk.isEmpty {
            frt += "By risk: " + frtByRisk.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        if !frtAtRiskByRegion.isEmpty {
            frt +=
                "At risk by region: " + frtAtRiskByRegion.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
                + "\n"
        }
        frt += "\n"
        if frtAtRisk.isEmpty {
            frt += "\(bullet)none\n"
        } else if style == .markdown {
            frt += "| Ticket | Risk | Left | Priority | Region | Policy | Subject |\n"
            frt += "|---|---|---|---|---|---|---|\n"
            for line in frtAtRisk {
                frt += "| \(line.ticket) | \(line.risk.rawValue) | \(Countdown.format(line.remainingSeconds)) | "
                frt += "\(line.priority?.rawValue ?? "none") | \(line.region?.rawValue ?? "none") | "
                frt += "\(t(line.policy)) | \(t(line.subject)) |\n"
            }
        } else {
            for line in frtAtRisk {
                frt += "\(bullet)\(line.ticket) \(line.risk.rawValue) \(Countdown.format(line.remainingSeconds)), "
                frt += "\(line.priority?.rawValue ?? "no priority"), \(line.region?.rawValue ?? "no region"), "
                frt += "\(t(line.policy)): \(t(line.subject))\n"
            }
        }
        out += frt + "\n"

        let (people, machines) = doneSplit()
        var doneLines = people.map { "\(short.string(from: $0.at)) \(Self.sentence($0, t))" }
        doneLines += machines.map { t($0) }
        out += section("Done this shift (\(people.count) actions)", doneLines, empty: "nothing recorded")
        return out
    }

    /// What people did (oldest first), and what importers and sync did folded into one count line per source
    /// ("gitlab: 14 new escalations, 31 updated").
    func doneSplit() -> (people: [AuditEvent], machines: [String]) {
        var people: [AuditEvent] = []
        var sources: [String] = []
        var counts: [String: (new: [String: Int], updated: Int)] = [:]
        for e in done {
            guard let source = Self.machineSource(e.actor) else {
                people.append(e)
                continue
            }
            if counts[source] == nil { sources.append(source) }
            var c = counts[source] ?? ([:], 0)
            if e.verb.hasSuffix(".new") || e.before == nil {
                c.new[e.target.kind.rawValue, default: 0] += 1
            } else {
                c.updated += 1
            }
            counts[source] = c
        }
        let machines = sources.map { source -> String in
            let c = counts[source]!
            var parts = RecordKind.allCases.compactMap { kind -> String? in
                guard let n = c.new[kind.rawValue] else { return nil }
                return "\(n) new \(Self.plural(kind, n))"
            }
            parts.append("\(c.updated) updated")
            return "\(source): " + parts.joined(separator: ", ")
        }
        return (people, machines)
    }

    /// `gitlab` for `import:gitlab` or `sync:gitlab`; nil for a person.
    static func machineSource(_ actor: String) -> String? {
        for prefix in ["import:", "sync:"] where actor.hasPrefix(prefix) { return String(actor.dropFirst(prefix.count)) }
        return nil
    }

    static func plural(_ kind: RecordKind, _ n: Int) -> String {
        switch kind {
        case .emergency: n == 1 ? "emergency" : "emergencies"
        case .escalation: n == 1 ? "escalation" : "escalations"
        case .ticket: n == 1 ? "ticket" : "tickets"
        case .rota: n == 1 ? "rota entry" : "rota entries"
        case .upgrade: n == 1 ? "upgrade request" : "upgrade requests"
        case .notice: n == 1 ? "notice" : "notices"
        }
    }
}
