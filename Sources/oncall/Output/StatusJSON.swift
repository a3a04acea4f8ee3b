import Foundation
import OnCallRules

/// The `status --json` contract (issue 2): one object, UTC times with `Z`, most urgent first.
enum StatusJSON {
    static func render(_ overview: Overview, now: Date, config: OnCallConfig) -> JSONValue {
        .object([
            ("now", .time(now)),
            ("emergencies", .array(overview.emergencies.map { emergency($0, now: now, config: config) })),
            ("escalations", .array(overview.escalations.map { escalation($0, now: now) })),
            ("frt", .array(overview.frt.map { frt($0, now: now, config: config) })),
            ("alerts", .array(overview.alerts(at: now, config: config).map(alert))),
            ("upgrades", .array(overview.upgrades.map { upgrade($0, now: now, config: config) })),
            ("notices", .array(overview.notices.map(notice))),
            ("unreadable", .array(overview.unreadable.map(unreadable))),
        ])
    }

    /// A stored row that could not be read: `{"table": "escalation", "id": 4107, "reason": "..."}`.
    static func unreadable(_ record: UnreadableRecord) -> JSONValue {
        .object([
            ("table", .string(record.ref.kind.rawValue)), ("id", .int(record.ref.id)),
            ("reason", .string(record.reason)),
        ])
    }

    static func emergency(_ e: Emergency, now: Date, config: OnCallConfig) -> JSONValue {
        .object([
            ("id", .int(e.id)),
            ("ticket", .optional(e.ticket)),
            ("title", .string(e.title)),
            ("customer", .optional(e.customer)),
            ("state", .string(e.state.rawValue)),
            ("paged_at", .time(e.pageTimeKnown ? e.pagedAt : nil)),
            ("page_time_known", .bool(e.pageTimeKnown)),
            ("incident_id", .optional(e.incidentId)),
            ("incident_number", .optional(e.incidentNumber)),
            ("engineer", .optional(e.engineer)),
            ("engineer_acknowledged_at", .time(e.engineerAcknowledgedAt)),
            ("lead", .optional(e.lead)),
            ("service_id", .optional(e.serviceId)),
            ("service", .optional(e.serviceName)),
            ("missed_page", .string(MissedPage.of(e, at: now, timings: config.emergency).rawValue)),
            ("page_tiers", pageTiers(config.emergency.tiers(for: e))),
            ("age_seconds", e.pageTimeKnown ? .int(Int64(now.timeIntervalSince(e.pagedAt).rounded(.down))) : .null),
            ("compromised", .bool(e.compromised)),
            ("escalation", .optional(e.escalationId)),
            ("resolved_at", .time(e.resolvedAt)),
            (
                "handoffs",
                .array(
                    e.handoffs.map {
                        .object([("from", .optional($0.from)), ("to", .string($0.to)), ("at", .time($0.at)), ("note", .string($0.note))])
                    })
            ),
        ])
    }

    /// The missed-page tiers in force: `{"manager_minutes": 15, "senior_minutes": 35, "override": "us-federal"}`.
    static func pageTiers(_ tiers: PageTiers) -> JSONValue {
        .object([
            ("manager_minutes", .int(Int64(tiers.managerMinutes))), ("senior_minutes", .int(Int64(tiers.seniorMinutes))),
            ("override", .optional(tiers.override)),
        ])
    }

    static func escalation(_ item: EscalationItem, now: Date) -> JSONValue {
        let e = item.escalation
        return .object([
            ("id", .int(e.id)),
            ("iid", .optional(e.iid)),
            ("project", .optional(e.project)),
            ("project_id", .optional(e.projectId)),
            ("reference", .string(e.reference)),
            ("ticket", .optional(e.ticket)),
            ("title", .string(e.title)),
            ("customer", .optional(e.customer)),
            ("urgency", .string(e.urgency.rawValue)),
            ("state", .string(e.state.rawValue)),
            ("owner", .optional(e.owner)),
            ("acknowledged_by", .optional(e.acknowledgedBy)),
            ("acknowledged_at", .time(e.acknowledgedAt)),
            ("announced_at", .time(e.announcedAt)),
            ("respond_by", .time(item.respondBy)),
            ("remaining_seconds", .int(Int64(item.remaining(at: now).rounded(.down)))),
            ("labels", .strings(e.labels)),
            ("resolution_comment", .optional(e.resolutionComment)),
            ("rejection_reason", .optional(e.rejectionReason)),
            ("emergency", .optional(e.emergencyId)),
        ])
    }

    static func frt(_ item: FRTItem, now: Date, config: OnCallConfig) -> JSONValue {
        let t = item.ticket
        return .object([
            ("ticket", .int(t.id)),
            ("subject", .string(t.subject)),
            ("organization", .optional(t.organization)),
            ("plan", .string(t.plan.rawValue)),
            ("priority", .optional(t.priority?.rawValue)),
            ("region", .optional(t.region?.rawValue)),
            ("status", .string(t.status.rawValue)),
            ("created_at", .time(t.createdAt)),
            ("breach_at", .time(item.deadline)),
            // Issue 15 item 6: where breach_at came from, what the local config computes, and whether they
            // differ by more than a minute (the local policy config is out of date).
            ("breach_source", .string(item.source.rawValue)),
            ("computed_breach_at", .time(item.computedDeadline)),
            ("breach_drift_seconds", item.drift.map { .int(Int64($0.rounded())) } ?? .null),
            ("policy_out_of_date", .bool(item.policyOutOfDate)),
            ("remaining_seconds", item.remaining(at: now).map { .int(Int64($0.rounded(.down))) } ?? .null),
            ("risk", .string(item.risk(at: now, thresholds: config.risk).rawValue)),
            ("policy", .string(item.policy)),
        ])
    }

    static func alert(_ a: Alert) -> JSONValue {
        .object([("kind", .string(a.kind.rawValue)), ("message", .string(a.message))])
    }

    static func upgrade(_ u: UpgradeRequest, now: Date, config: OnCallConfig) -> JSONValue {
        .object([
            ("ticket", .int(u.id)),
            ("customer", .string(u.customer)),
            ("scheduled_at", .time(u.scheduledAt)),
            ("requested_at", .time(u.requestedAt)),
            ("rescheduled_at", .time(u.rescheduledAt)),
            ("complex", .bool(u.complex)),
            ("engineer", .optional(u.engineer)),
            ("done", .bool(u.done)),
            ("flags", .strings(u.flags(at: now, config: config).map(\.rawValue))),
        ])
    }

    static func notice(_ n: Notice) -> JSONValue {
        .object([
            ("id", .int(n.id)),
            ("kind", .string(n.kind)),
            ("title", .string(n.title)),
            ("cmoc", .optional(n.cmoc)),
            ("link", .optional(n.link)),
            ("since", .time(n.since)),
            ("cleared_at", .time(n.clearedAt)),
        ])
    }
}
