import Foundation

extension HandoffReport {
    /// The report as Markdown ready to paste into Slack or an issue, times shown in `timeZone`.
    public func markdown(timeZone: TimeZone) -> String {
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
        func or(_ value: String?, _ fallback: String) -> String { value ?? fallback }
        func section(_ title: String, _ lines: [String], empty: String) -> String {
            "### \(title)\n" + (lines.isEmpty ? "- \(empty)\n" : lines.map { "- \($0)\n" }.joined())
        }

        var out = "## Support Manager On-call hand-off: \(at(generatedAt))\n\n"
        out += "Shift since \(at(since))"
        if let onCall { out += " · on call: **\(onCall)**" }
        if let nextManager { out += " · next: **\(nextManager)**" }
        out += "\n\n"

        out +=
            section(
                "Alerts (\(alerts.count))", alerts.map { "**\($0.kind.rawValue)**: \($0.message)" }, empty: "none")
            + "\n"

        out +=
            section(
                "Open emergencies (\(emergencies.count))",
                emergencies.map { e in
                    var line = "**\(e.id)** \(e.title)\(e.customer.map { " (\($0))" } ?? ""): \(e.state.rawValue), "
                    line += "running \(Countdown.elapsed(e.runningSeconds)), "
                    line += "lead \(or(e.lead, "none")), engineer \(or(e.engineer, "none"))"
                    if e.missedPage != .none { line += ", **missed page (\(e.missedPage.rawValue))**" }
                    if e.compromised {
                        line += ", **compromised instance**"
                        if !e.checklistOpen.isEmpty {
                            line += " (open steps: \(e.checklistOpen.joined(separator: ", ")))"
                        }
                    }
                    if let note = e.lastHandoffNote { line += "\n  - last hand-off note: \(note)" }
                    return line
                }, empty: "none") + "\n"

        out +=
            section(
                "Open escalations (\(escalations.count))",
                escalations.map { e in
                    var line = "**\(e.id)**"
                    if let ticket = e.ticket { line += " (ticket \(ticket))" }
                    line +=
                        " \(e.title)\(e.customer.map { " (\($0))" } ?? ""): \(e.urgency.rawValue), \(e.state.rawValue)"
                    if let owner = e.owner {
                        line += ", owner \(owner)"
                    } else if let by = e.acknowledgedBy {
                        line += ", by \(by)"
                    }
                    let countdown = Countdown.format(e.remainingSeconds)
                    line +=
                        e.state == .new && e.remainingSeconds < 0
                        ? ", **overdue by \(Countdown.compact(Int(-e.remainingSeconds) / 60))**"
                        : ", respond by \(short.string(from: e.respondBy)) (\(countdown))"
                    return line
                }, empty: "none") + "\n"

        out +=
            section(
                "Upgrade requests needing attention (\(upgrades.count))",
                upgrades.map { u in
                    "**\(u.id)** \(u.customer) at \(at(u.scheduledAt)), engineer \(or(u.engineer, "none")): "
                        + u.flags.map(\.rawValue).joined(separator: ", ")
                }, empty: "none") + "\n"

        out +=
            section(
                "Active notices (\(notices.count))",
                notices.map { n in
                    var line = "**\(n.kind)**: \(n.title) since \(at(n.since))"
                    if let cmoc = n.cmoc { line += ", CMOC \(cmoc)" }
                    if let link = n.link { line += " (\(link))" }
                    return line
                }, empty: "none") + "\n"

        var frt = "### FRT at risk (\(frtAtRiskTotal) of \(waitingForFirstReply) waiting for a first reply)\n"
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
            frt += "- none\n"
        } else {
            frt += "| Ticket | Risk | Left | Priority | Region | Policy | Subject |\n"
            frt += "|---|---|---|---|---|---|---|\n"
            for line in frtAtRisk {
                let subject = line.subject.replacingOccurrences(of: "|", with: "\\|")
                frt += "| \(line.ticket) | \(line.risk.rawValue) | \(Countdown.format(line.remainingSeconds)) | "
                frt += "\(line.priority?.rawValue ?? "none") | \(line.region?.rawValue ?? "none") | "
                frt += "\(line.policy) | \(subject) |\n"
            }
        }
        out += frt + "\n"

        out += section(
            "Done this shift (\(done.count))",
            done.map { e in
                var line = "\(short.string(from: e.at)) \(e.actor): \(e.verb) \(e.target)"
                if let before = e.before, let after = e.after {
                    line += " (\(before) → \(after))"
                } else if let after = e.after {
                    line += " (\(after))"
                }
                if let note = e.note { line += ": \(note)" }
                return line
            }, empty: "nothing recorded")
        return out
    }
}
