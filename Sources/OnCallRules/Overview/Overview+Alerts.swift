import Foundation

extension Overview {
    /// The alerts in force at `now`, most serious first: missed pages (senior before manager), security
    /// incidents, compromised instances, too many emergencies at once, overdue escalations, long-running
    /// emergencies, an FRT build-up, then upgrade requests that need attention.
    /// `viewer` is who reads them (the dashboard's actor): a missed page that falls to them says "you are the
    /// next tier"; anyone else reads who the next tier is.
    public func alerts(at now: Date, config: OnCallConfig, viewer: String? = nil) -> [Alert] {
        var alerts: [Alert] = []
        let timings = config.emergency

        // First: what the board cannot show at all.
        for record in unreadable {
            alerts.append(
                Alert(
                    kind: .unreadableRecord, message: "cannot read \(record.line); repair it in the store",
                    ref: record.ref))
        }

        for source in sources where source.failingTooLong(at: now) {
            let since = RuleTime.utc(source.failingSince!, relativeTo: now)
            alerts.append(
                Alert(
                    kind: .sourceFailing,
                    message: "\(source.source.rawValue) has failed since \(since): \(source.lastError ?? "") "
                        + "(its data is going stale)"))
        }

        let missed = emergencies.filter(\.state.isOpen).map { ($0, MissedPage.of($0, at: now, timings: timings)) }
            .filter { $0.1 != .none }
        let nextTier = onCall(at: now)?.name
        for (emergency, level) in missed.sorted(by: { ($0.1, $1.0.pagedAt) > ($1.1, $0.0.pagedAt) }) {
            let age = Countdown.compact(max(0, Int(now.timeIntervalSince(emergency.pagedAt))) / 60)
            let since =
                emergency.pageTimeKnown
                ? "unacknowledged for \(age) (paged \(RuleTime.utc(emergency.pagedAt, relativeTo: now)))"
                : "escalated by PagerDuty (page time unknown)"
            let who: String
            if level == .senior {
                who = "missed page, senior managers paged"
            } else if let nextTier, nextTier == viewer {
                who = "MISSED PAGE, you are the next tier"
            } else if let nextTier {
                who = "missed page: \(nextTier) is the next tier"
            } else {
                who = "missed page: the manager on call is the next tier (nobody on the rota now)"
            }
            alerts.append(
                Alert(
                    kind: .missedPage, message: "\(Self.name(emergency)): \(who); \(since)",
                    ref: RecordRef(.emergency, emergency.id)))
        }

        for notice in notices where notice.isActive && Self.isSecurity(notice.kind) {
            var message = "security incident: \(notice.title)"
            if let cmoc = notice.cmoc { message += " (CMOC \(cmoc))" }
            message += ", since \(RuleTime.utc(notice.since, relativeTo: now))"
            alerts.append(Alert(kind: .securityIncident, message: message, ref: RecordRef(.notice, notice.id)))
        }

        for emergency in emergencies where emergency.compromised && emergency.state.isOpen {
            let done = CompromisedChecklist.items.filter { emergency.checklistDone.contains($0.id) }.count
            alerts.append(
                Alert(
                    kind: .compromisedInstance,
                    message: "\(Self.name(emergency)): compromised instance, join before any call is offered "
                        + "(checklist \(done)/\(CompromisedChecklist.items.count))",
                    ref: RecordRef(.emergency, emergency.id)))
        }

        let active = emergencies.filter(\.state.isOpen)
        if active.count >= config.alerts.activeEmergencies {
            alerts.append(
                Alert(
                    kind: .multipleEmergencies,
                    message: "\(active.count) active emergencies: find additional staff (ping your regional group)"))
        }

        for item in escalations where item.escalation.state.isOpen && item.isOverdue(at: now) {
            let late = Countdown.compact(max(0, Int(now.timeIntervalSince(item.respondBy))) / 60)
            alerts.append(
                Alert(
                    kind: .overdueEscalation,
                    message: "escalation \(item.escalation.reference)\(Self.customer(item.escalation.customer)) "
                        + "(\(item.escalation.urgency.rawValue)) not acknowledged, \(late) past respond-by",
                    ref: RecordRef(.escalation, item.id)))
        }

        let longLimit = Double(timings.longRunningMinutes) * 60
        for emergency in active where emergency.pageTimeKnown && now.timeIntervalSince(emergency.pagedAt) > longLimit {
            let age = Countdown.compact(Int(now.timeIntervalSince(emergency.pagedAt)) / 60)
            alerts.append(
                Alert(
                    kind: .longEmergency,
                    message: "\(Self.name(emergency)): running \(age), consider an account escalation",
                    ref: RecordRef(.emergency, emergency.id)))
        }

        if waitingForFirstReply >= config.alerts.frtBuildUp {
            alerts.append(
                Alert(
                    kind: .frtBuildUp,
                    message: "\(waitingForFirstReply) tickets waiting for a first reply: "
                        + "ping your region in #support_team-chat"))
        }

        for upgrade in upgrades where !upgrade.done {
            let flags = upgrade.flags(at: now, config: config)
            if flags.isEmpty { continue }
            alerts.append(
                Alert(
                    kind: .upgradeAttention,
                    message: "upgrade \(upgrade.id) (\(upgrade.customer)) at "
                        + "\(RuleTime.utc(upgrade.scheduledAt, relativeTo: now)): "
                        + flags.map(\.rawValue).joined(separator: ", "),
                    ref: RecordRef(.upgrade, upgrade.id)))
        }
        return alerts
    }

    /// Notice kinds that count as a security incident (`security`, `security-incident`).
    static func isSecurity(_ kind: String) -> Bool {
        let kind = kind.lowercased()
        return kind == "security" || kind == "security-incident"
    }

    static func name(_ emergency: Emergency) -> String {
        "emergency \(emergency.id)\(customer(emergency.customer))"
    }

    static func customer(_ customer: String?) -> String {
        guard let customer, !customer.isEmpty else { return "" }
        return " (\(customer))"
    }
}
