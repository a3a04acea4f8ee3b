import Foundation
import OnCallRules

extension SyntheticExport {
    /// A PagerDuty `GET /incidents` response (`{"incidents":[...]}`) with `count` Customer Support incidents.
    public static func writePagerDutyIncidents(count: Int, seed: UInt64 = 42, now: Date, to handle: FileHandle) throws {
        let generator = SyntheticGenerator(spec: spec(emergencies: count), seed: seed, now: now)
        var out = SyntheticJSONWriter(handle: handle)
        try out.raw("{\"incidents\":[")
        for index in 0..<count {
            if index > 0 { try out.raw(",") }
            try out.raw("\n")
            try out.raw(pagerDutyIncident(generator.emergency(index), index: index, seed: seed))
        }
        try out.raw("\n],\"limit\":100,\"offset\":0,\"more\":false,\"total\":null}\n")
        try out.flush()
    }

    private static func reference(_ type: String, _ id: String, _ summary: String, _ path: String) -> String {
        "{\"id\":\"\(id)\",\"type\":\"\(type)\",\"summary\":\(SyntheticJSONWriter.quote(summary)),"
            + "\"self\":\"https://api.pagerduty.com/\(path)/\(id)\",\"html_url\":\"https://gitlab.pagerduty.com/\(path)/\(id)\"}"
    }

    private static func user(_ name: String) -> String {
        let number = userIds[name] ?? 0
        return reference("user_reference", "PU\(number % 1_000_000)", name, "users")
    }

    public static func pagerDutyIncident(_ emergency: Emergency, index: Int, seed: UInt64) -> String {
        typealias J = SyntheticJSONWriter
        let id = opaqueId(seed: seed, stream: 12, index: index)
        let number = emergency.incidentNumber ?? Int64(index + 1)
        let title = "\(emergency.ticket ?? emergency.id) - \(emergency.customer ?? "Customer"): \(emergency.title)"
        let updated = emergency.sourceUpdatedAt ?? emergency.pagedAt
        let engineer = emergency.engineer ?? "Amara Osei"
        let assignments =
            emergency.state == .resolved ? "[]" : "[{\"at\":\(J.time(emergency.pagedAt)),\"assignee\":\(user(engineer))}]"
        let acknowledgements =
            emergency.state == .acknowledged
            ? "[{\"at\":\(J.time(emergency.engineerAcknowledgedAt)),\"acknowledger\":\(user(engineer))}]" : "[]"
        let pending =
            emergency.state == .triggered
            ? "[{\"type\":\"escalate\",\"at\":\(J.time(emergency.pagedAt.addingTimeInterval(600)))}]" : "[]"
        var json = "{\"id\":\"\(id)\",\"type\":\"incident\",\"summary\":\(J.quote("[#\(number)] \(title)")),"
        json += "\"self\":\"https://api.pagerduty.com/incidents/\(id)\","
        json += "\"html_url\":\"https://gitlab.pagerduty.com/incidents/\(id)\",\"incident_number\":\(number),"
        json += "\"title\":\(J.quote(title)),\"created_at\":\(J.time(emergency.pagedAt)),\"updated_at\":\(J.time(updated)),"
        json += "\"status\":\"\(emergency.state.rawValue)\",\"incident_key\":\"\(hex(seed: seed, stream: 13, index: index))\","
        let service = reference(
            "service_reference", emergency.serviceId ?? "PSUPPRT", emergency.serviceName ?? "Customer Support", "services")
        json += "\"service\":\(service),"
        json += "\"assignments\":\(assignments),\"assigned_via\":\"escalation_policy\","
        json += "\"last_status_change_at\":\(J.time(updated)),\"resolved_at\":\(J.time(emergency.resolvedAt)),"
        json += "\"first_trigger_log_entry\":{\"id\":\"\(opaqueId(seed: seed, stream: 14, index: index))\","
        json += "\"type\":\"trigger_log_entry_reference\",\"summary\":\"Triggered through the API\"},"
        let resolved = emergency.state == .resolved ? 1 : 0
        json += "\"alert_counts\":{\"all\":1,\"triggered\":\(1 - resolved),\"resolved\":\(resolved)},"
        json += "\"is_mergeable\":true,\"incident_type\":{\"name\":\"incident_default\"},"
        json += "\"escalation_policy\":\(reference("escalation_policy_reference", "PCEROT1", "Customer Emergency Rotation", "escalation_policies")),"
        json += "\"teams\":[],\"pending_actions\":\(pending),\"acknowledgements\":\(acknowledgements),"
        json += "\"alert_grouping\":null,\"last_status_change_by\":\(user(engineer)),\"priority\":null,"
        json += "\"resolve_reason\":null,\"conference_bridge\":null,\"incidents_responders\":[],"
        json += "\"responder_requests\":[],\"urgency\":\"high\"}"
        return json
    }
}
