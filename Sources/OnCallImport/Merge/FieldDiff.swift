import Foundation
import OnCallRules

/// A record as `name=value` pairs for the audit log (written by hand: reflection is too slow for 100k records).
protocol AuditFields {
    var auditFields: [(name: String, value: String?)] { get }
}

/// The fields that differ between two versions of a record, as short `name=value` lists for the audit log.
enum FieldDiff {
    static func describe<T: AuditFields>(_ before: T?, _ after: T) -> (before: String?, after: String) {
        let newFields = after.auditFields
        guard let before else {
            return (nil, newFields.compactMap { f in f.value.map { "\(f.name)=\($0)" } }.joined(separator: ", "))
        }
        var was: [String] = []
        var now: [String] = []
        for (old, new) in zip(before.auditFields, newFields) where old.value != new.value {
            was.append("\(old.name)=\(old.value ?? "nil")")
            now.append("\(new.name)=\(new.value ?? "nil")")
        }
        return (was.joined(separator: ", "), now.joined(separator: ", "))
    }

    static func text(_ s: String?) -> String? {
        guard let s else { return nil }
        return s.count > 120 ? String(s.prefix(120)) + "…" : s
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
            ("sourceUpdatedAt", FieldDiff.text(sourceUpdatedAt)),
        ]
    }
}

extension Escalation: AuditFields {
    var auditFields: [(name: String, value: String?)] {
        [
            ("ticket", FieldDiff.text(ticket)), ("title", FieldDiff.text(title)), ("customer", FieldDiff.text(customer)),
            ("urgency", urgency.rawValue), ("state", state.rawValue), ("announcedAt", FieldDiff.text(announcedAt)),
            ("acknowledgedBy", acknowledgedBy), ("owner", owner), ("labels", FieldDiff.text(labels)),
            ("rejectionReason", FieldDiff.text(rejectionReason)), ("closedAt", FieldDiff.text(closedAt)),
            ("sourceUpdatedAt", FieldDiff.text(sourceUpdatedAt)),
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
        ]
    }
}

extension RotaEntry: AuditFields {
    var auditFields: [(name: String, value: String?)] {
        [
            ("name", name), ("region", region?.rawValue), ("start", FieldDiff.text(start)),
            ("end", FieldDiff.text(end)), ("note", FieldDiff.text(note)), ("source", source),
        ]
    }
}
