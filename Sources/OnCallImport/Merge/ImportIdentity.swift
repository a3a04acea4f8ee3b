import Foundation
import OnCallRules

/// Which record each vendor identity went to in one merge, and the numbers handed out so far.
struct IdentityMap {
    var incidents: [String: Int64] = [:]
    /// "projectId#iid" -> escalation id.
    var issues: [String: Int64] = [:]
    var nextEmergency: Int64?
    var nextEscalation: Int64?
}

/// Identity rules (README "Import"): a vendor record is found by the vendor's own identity, never by a number
/// that another kind of thing may share.
/// - PagerDuty: the incident id. An incident not seen before adopts an emergency made by hand or by the manual
///   trigger (no incident yet) that names the same Zendesk ticket and was open when the incident was created;
///   otherwise it is a new emergency numbered with its incident number (the next free number when taken).
/// - GitLab: project id + iid. An issue not seen before adopts an escalation with its iid as number and no
///   project (added by hand, or imported before projects were recorded); otherwise it is a new escalation
///   numbered with its iid (the next free number when taken).
extension ImportMerge {
    static func emergencyId(
        for o: IncidentObservation, records: some RecordLookup, tracker: Tracker<Emergency>, ids: inout IdentityMap
    ) throws -> Int64 {
        if let id = ids.incidents[o.incidentId] { return id }
        let id: Int64
        if let known = try records.emergency(incidentId: o.incidentId) {
            id = known.id
        } else if let adopted = try adoptableEmergency(o, records: records, tracker: tracker) {
            id = adopted
        } else {
            func taken(_ n: Int64) throws -> Bool { try tracker.current[n] != nil || records.emergency(n) != nil }
            if try !taken(o.number) {
                id = o.number
            } else {
                var next = try max(ids.nextEmergency ?? 0, records.nextId(.emergency))
                while try taken(next) { next += 1 }
                ids.nextEmergency = next + 1
                id = next
            }
        }
        ids.incidents[o.incidentId] = id
        return id
    }

    /// A hand-made emergency for the incident's ticket, still open when the incident was created.
    private static func adoptableEmergency(
        _ o: IncidentObservation, records: some RecordLookup, tracker: Tracker<Emergency>
    ) throws -> Int64? {
        guard let ticket = o.ticket else { return nil }
        for stored in try records.emergencies(ticket: ticket) {
            let e = tracker.current[stored.id] ?? stored
            guard e.incidentId == nil else { continue }
            if e.state.isOpen { return e.id }
            if let created = o.createdAt, let resolved = e.resolvedAt, created <= resolved { return e.id }
        }
        return nil
    }

    static func escalationId(
        for item: Escalation, records: some RecordLookup, tracker: Tracker<Escalation>, ids: inout IdentityMap
    ) throws -> Int64 {
        // A payload without a project can only be matched by its iid (the id it was read with).
        guard let projectId = item.projectId, let iid = item.iid else { return item.id }
        let key = "\(projectId)#\(iid)"
        if let id = ids.issues[key] { return id }
        let id: Int64
        func stored(_ n: Int64) throws -> Escalation? { try tracker.current[n] ?? records.escalation(n) }
        if let known = try records.escalation(projectId: projectId, iid: iid) {
            id = known.id
        } else if let legacy = try stored(iid), legacy.projectId == nil, legacy.number == iid {
            id = iid
        } else if try stored(iid) == nil {
            id = iid
        } else {
            var next = try max(ids.nextEscalation ?? 0, records.nextId(.escalation))
            while try stored(next) != nil { next += 1 }
            ids.nextEscalation = next + 1
            id = next
        }
        ids.issues[key] = id
        return id
    }
}
