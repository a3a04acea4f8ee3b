import Foundation
import OnCallRules

/// PagerDuty payloads -> incident observations and rota entries: `GET /incidents`, `GET /incidents/{id}`,
/// V3 webhook events (one per document, JSON Lines, or an array) and `GET /oncalls`.
struct PagerDutyReader: JSONDocumentHandler {
    let settings: ImportSettings
    let ticketPattern: NSRegularExpression
    var batch: ImportBatch
    let progress: ((Int) -> Void)?

    var streamedKeys: Set<String> { ["incidents", "oncalls"] }
    var elementKeys: Set<String>? { nil }

    mutating func element(_ node: JSONNode, key: String?, index: Int) throws {
        batch.read += 1
        switch key {
        case "oncalls": try oncall(node)
        case "incidents": keep(try incident(node))
        default:
            // A top-level array: webhook events or incidents.
            if node["event"].isPresent { keep(try event(node["event"])) } else { keep(try incident(node)) }
        }
        progress?(batch.read)
    }

    mutating func endDocument(_ envelope: JSONNode, streamed: Set<String>) throws {
        if case .array? = envelope.value { return }  // a top-level array was streamed
        _ = try envelope.object()
        batch.envelope.note(envelope)
        if !streamed.isEmpty { return }
        if envelope["incident"].isPresent {
            batch.read += 1
            keep(try incident(try envelope["incident"].object()))
        } else if envelope["event"].isPresent {
            batch.read += 1
            keep(try event(envelope["event"]))
        } else if envelope["incidents"].isPresent || envelope["oncalls"].isPresent {
            let key = envelope["incidents"].isPresent ? "incidents" : "oncalls"
            throw envelope[key].problem("an array")
        } else {
            throw JSONProblem(
                path: envelope.path, reason: "expected PagerDuty incidents, an incident, a webhook event or oncalls"
            )
        }
        progress?(batch.read)
    }

    private mutating func keep(_ observation: IncidentObservation?) {
        if let observation { batch.incidents.append(observation) } else { batch.skipped += 1 }
    }

    // MARK: incidents

    /// A REST incident; nil when its service is filtered out.
    private mutating func incident(_ node: JSONNode) throws(JSONProblem) -> IncidentObservation? {
        _ = try node.object()
        let id = try node["id"].string()
        let number = try node["incident_number"].int64()
        guard try keepService(node["service"]) else { return nil }
        let title = try title(node, number: number)
        let createdAt = try node["created_at"].date()
        var observedAt = try node["updated_at"].optionalDate()
        if observedAt == nil { observedAt = try node["last_status_change_at"].optionalDate() }
        let status = try status(node["status"], number: number)
        var engineer: String?
        for a in try node["assignments"].optionalArray() {
            if engineer == nil { engineer = try a["assignee"]["summary"].optionalString() }
        }
        var acknowledgedAt: Date?
        for a in try node["acknowledgements"].optionalArray() {
            let at = try a["at"].date()
            acknowledgedAt = min(acknowledgedAt ?? at, at)
            if engineer == nil, try a["acknowledger"]["type"].optionalString() == "user_reference" {
                engineer = try a["acknowledger"]["summary"].optionalString()
            }
        }
        var resolvedAt = try node["resolved_at"].optionalDate()
        if status == .resolved, resolvedAt == nil { resolvedAt = try node["last_status_change_at"].optionalDate() }
        return IncidentObservation(
            event: "rest", incidentId: id, number: number, title: title, status: status, createdAt: createdAt,
            observedAt: observedAt ?? createdAt, engineer: engineer, acknowledgedAt: acknowledgedAt, escalatedAt: nil,
            resolvedAt: resolvedAt, ticket: ticketNumber(in: title),
            serviceId: try node["service"]["id"].optionalString(),
            serviceName: try node["service"]["summary"].optionalString()
        )
    }

    /// A V3 webhook event; nil for events that carry no incident state (notes) or a filtered service.
    private mutating func event(_ node: JSONNode) throws(JSONProblem) -> IncidentObservation? {
        _ = try node.object()
        let type = try node["event_type"].string()
        let occurredAt = try node["occurred_at"].date()
        let data = try node["data"].object()
        guard type.hasPrefix("incident."), try data["type"].optionalString() ?? "incident" == "incident" else {
            if !type.hasPrefix("incident.") {
                batch.warnings.add("\(data.path): event type \"\(type.prefix(40))\" not imported")
            }
            return nil
        }
        let id = try data["id"].string()
        let number = try data["number"].int64()
        guard try keepService(data["service"]) else { return nil }
        let title = try title(data, number: number)
        let status = try status(data["status"], number: number)
        var engineer: String?
        for a in try data["assignees"].optionalArray() where engineer == nil {
            engineer = try a["summary"].optionalString()
        }
        let agent = try node["agent"].optionalObject()
        let agentName = try agent?["summary"].optionalString()
        let agentIsUser = try agent?["type"].optionalString() == "user_reference"
        var observation = IncidentObservation(
            event: type, incidentId: id, number: number, title: title, status: status,
            createdAt: try data["created_at"].optionalDate(), observedAt: occurredAt, engineer: engineer,
            ticket: ticketNumber(in: title), serviceId: try data["service"]["id"].optionalString(),
            serviceName: try data["service"]["summary"].optionalString()
        )
        switch type {
        case "incident.acknowledged":
            observation.acknowledgedAt = occurredAt
            if agentIsUser { observation.engineer = agentName ?? engineer }
        case "incident.escalated":
            observation.escalatedAt = occurredAt
        case "incident.resolved":
            observation.resolvedAt = occurredAt
        default:
            break
        }
        return observation
    }

    /// `title`, else `summary`: the snooze answer carries only the summary, which PagerDuty fills with the
    /// title after the incident number (`[#1234] The server is on fire.`). The number prefix is dropped, so the
    /// ticket pattern never reads the incident number as a ticket.
    private func title(_ node: JSONNode, number: Int64) throws(JSONProblem) -> String? {
        if let title = try node["title"].optionalString(), !title.isEmpty { return title }
        guard let summary = try node["summary"].optionalString() else { return nil }
        let prefix = "[#\(number)]"
        guard summary.hasPrefix(prefix) else { return summary }
        let rest = summary.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }

    private mutating func status(_ node: JSONNode, number: Int64) throws(JSONProblem) -> EmergencyState? {
        guard let text = try node.optionalString() else { return nil }
        if let s = EmergencyState(rawValue: text) { return s }
        batch.warnings.add("incident \(number): unknown status \"\(text.prefix(40))\" ignored")
        return nil
    }

    private func keepService(_ node: JSONNode) throws(JSONProblem) -> Bool {
        guard !settings.pagerdutyServices.isEmpty else { return true }
        let name = try node["summary"].optionalString()
        let id = try node["id"].optionalString()
        return settings.pagerdutyServices.contains { $0 == name || $0 == id }
    }

    private func ticketNumber(in title: String?) -> Int64? {
        guard let title else { return nil }
        let range = NSRange(title.startIndex..., in: title)
        guard let match = ticketPattern.firstMatch(in: title, range: range), match.numberOfRanges > 1,
            let r = Range(match.range(at: 1), in: title)
        else { return nil }
        return Int64(title[r])
    }

    // MARK: on-calls

    private mutating func oncall(_ node: JSONNode) throws(JSONProblem) {
        _ = try node.object()
        let name = try node["user"]["summary"].string()
        let user = try node["user"].object()
        batch.meet(
            ImportedPerson(
                name: (try user["name"].optionalString()) ?? name, email: try user["email"].optionalString(),
                pagerdutyId: try user["id"].optionalString()))
        let scheduleName = try node["schedule"].optionalObject()?["summary"].optionalString()
        let policyName = try node["escalation_policy"].optionalObject()?["summary"].optionalString()
        guard let start = try node["start"].optionalDate(), let end = try node["end"].optionalDate() else {
            batch.skipped += 1
            batch.warnings.add("\(node.path): permanent on-call of \(name) (no start/end) not imported")
            return
        }
        guard end > start else {
            batch.skipped += 1
            batch.warnings.add("\(node.path): on-call of \(name) ends before it starts; not imported")
            return
        }
        let label = scheduleName ?? policyName
        let region = label.flatMap { text in Region.allCases.first { text.uppercased().contains($0.rawValue) } }
        let entry = RotaEntry(
            id: 0, name: name, region: region, start: start, end: end, kind: .shift, note: label,
            source: Vendor.pagerduty.actor
        )
        if batch.rota.contains(where: { $0.name == name && $0.start == start && $0.end == end }) {
            batch.skipped += 1  // the same person on several levels or policies: one shift
        } else {
            batch.rota.append(entry)
        }
    }
}
