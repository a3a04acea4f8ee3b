import Foundation
import OnCallRules

/// A record as `name=value` pairs for the audit log (written by hand: reflection is too slow for 100k records).
/// Every field but `id` and `revision` is listed, dates to the millisecond, so that two versions with the same
/// fields are "unchanged" even when a store's date round trip moved them by a fraction of a millisecond.
protocol AuditFields: Equatable {
    var auditFields: [(name: String, value: String?)] { get }
}

extension AuditFields {
    /// Equal for the import's purposes (ignoring `revision` and sub-millisecond date noise).
    func sameForImport(as other: Self) -> Bool {
        if self == other { return true }
        let mine = auditFields
        let theirs = other.auditFields
        return mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.value == $1.value }
    }
}

/// The fields that differ between two versions of a record, as short `name=value` lists for the audit log.
enum FieldDiff {
    static func describe<T: AuditFields>(_ before: T?, _ after: T) -> (before: String?, after: String) {
        let newFields = after.auditFields
        guard let before else {
            return (nil, newFields.compactMap { f in f.value.map { "\(f.name)=\(short($0))" } }.joined(separator: ", "))
        }
        var was: [String] = []
        var now: [String] = []
        for (old, new) in zip(before.auditFields, newFields) where old.value != new.value {
            was.append("\(old.name)=\(short(old.value ?? "nil"))")
            now.append("\(new.name)=\(short(new.value ?? "nil"))")
        }
        return (was.joined(separator: ", "), now.joined(separator: ", "))
    }

    static func text(_ s: String?) -> String? { s }

    /// Long values are cut in the audit line only (comparisons use the whole value).
    private static func short(_ s: String) -> String {
        s.utf8.count > 160 ? String(s.prefix(120)) + "…" : s
    }

    static func text(_ d: Date?) -> String? { d.map(Timestamp.format) }
    static func text(_ i: Int64?) -> String? { i.map { String($0) } }
    static func text(_ b: Bool) -> String { b ? "true" : "false" }
    static func text(_ list: [String]) -> String? { list.isEmpty ? nil : list.joined(separator: "|") }
}

extension Ticket: AuditFields {
    var auditFields: [(name: String, value: String?)] {
        [
            ("subject", FieldDiff.text(subject)), ("organization", FieldDiff.text(organization)),
            ("plan", plan.rawValue), ("priority", priority?.rawValue), ("status", status.rawValue),
            ("createdAt", FieldDiff.text(createdAt)), ("firstReplyAt", FieldDiff.text(firstReplyAt)),
            ("region", region?.rawValue), ("assignee", FieldDiff.text(assignee)),
            ("slaBreachAt", FieldDiff.text(slaBreachAt)), ("slaPaused", FieldDiff.text(slaPaused)),
            ("sourceUpdatedAt", FieldDiff.text(sourceUpdatedAt)), ("form", FieldDiff.text(form)),
            ("tags", FieldDiff.text(tags)), ("stage", FieldDiff.text(stage)),
        ]
    }
}

extension Escalation: AuditFields {
    var auditFields: [(name: String, value: String?)] {
        [
            ("ticket", FieldDiff.text(ticket)), ("title", FieldDiff.text(title)),
            ("customer", FieldDiff.text(customer)),
            ("urgency", urgency.rawValue), ("state", state.rawValue), ("announcedAt", FieldDiff.text(announcedAt)),
            ("acknowledgedBy", acknowledgedBy), ("owner", owner), ("labels", FieldDiff.text(labels)),
            ("rejectionReason", FieldDiff.text(rejectionReason)), ("closedAt", FieldDiff.text(closedAt)),
            ("sourceUpdatedAt", FieldDiff.text(sourceUpdatedAt)), ("acknowledgedAt", FieldDiff.text(acknowledgedAt)),
            ("resolutionComment", FieldDiff.text(resolutionComment)), ("emergencyId", FieldDiff.text(emergencyId)),
            ("iid", FieldDiff.text(iid)), ("projectId", FieldDiff.text(projectId)), ("project", FieldDiff.text(project)),
        ]
    }
}

extension Emergency: AuditFields {
    var auditFields: [(name: String, value: String?)] {
        [
            ("ticket", FieldDiff.text(ticket)), ("title", FieldDiff.text(title)), ("pagedAt", FieldDiff.text(pagedAt)),
            ("engineer", engineer), ("engineerAcknowledgedAt", FieldDiff.text(engineerAcknowledgedAt)),
            ("state", state.rawValue), ("resolvedAt", FieldDiff.text(resolvedAt)),
            ("escalatedAt", FieldDiff.text(escalatedAt)), ("incidentId", incidentId),
            ("incidentNumber", FieldDiff.text(incidentNumber)), ("sourceUpdatedAt", FieldDiff.text(sourceUpdatedAt)),
            ("customer", FieldDiff.text(customer)), ("lead", lead),
            (
                "handoffs",
                FieldDiff.text(handoffs.map { "\($0.from ?? "-")>\($0.to)@\(Timestamp.format($0.at)): \($0.note)" })
            ),
            ("escalationId", FieldDiff.text(escalationId)), ("compromised", FieldDiff.text(compromised)),
            ("checklistDone", FieldDiff.text(checklistDone)), ("pageTimeKnown", FieldDiff.text(pageTimeKnown)),
            ("serviceId", serviceId), ("serviceName", serviceName),
        ]
    }
}

extension RotaEntry: AuditFields {
    var auditFields: [(name: String, value: String?)] {
        [
            ("name", name), ("region", region?.rawValue), ("start", FieldDiff.text(start)),
            ("end", FieldDiff.text(end)), ("note", FieldDiff.text(note)), ("source", source),
            ("kind", kind.rawValue), ("covering", covering),
        ]
    }
}
