import Foundation
import OnCallRules

extension SyntheticExport {
    /// A Zendesk incremental cursor export (`GET /api/v2/incremental/tickets/cursor.json`) with `count`
    /// tickets; with `includeSLAs`, each ticket carries `slas.policy_metrics` as with `include=slas`.
    public static func writeZendeskIncrementalTickets(
        count: Int, seed: UInt64 = 42, now: Date, includeSLAs: Bool = false, to handle: FileHandle
    ) throws {
        let generator = SyntheticGenerator(spec: spec(tickets: count), seed: seed, now: now)
        var out = SyntheticJSONWriter(handle: handle)
        try out.raw("{\"tickets\":[")
        for index in 0..<count {
            if index > 0 { try out.raw(",") }
            try out.raw("\n")
            var deletedRoll = SplitMix64(seed: seed, stream: 11, index: index)
            let deleted = !generator.ticketWaits(index) && deletedRoll.chance(0.003)
            try out.raw(zendeskTicket(generator.ticket(index), deleted: deleted, now: now, includeSLAs: includeSLAs))
        }
        let cursor = Data("\(Int(now.timeIntervalSince1970)).0||\(count)|".utf8).base64EncodedString()
        let escaped = cursor.replacingOccurrences(of: "=", with: "%3D")
        try out.raw(
            "\n],\"after_url\":\"https://\(zendeskSubdomain).zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=\(escaped)\","
                + "\"after_cursor\":\"\(cursor)\",\"before_url\":null,\"before_cursor\":null,\"end_of_stream\":true}\n")
        try out.flush()
    }

    private static func tags(for plan: Plan, id: Int64) -> [String] {
        let tier: [String] =
            switch plan {
            case .priority: [["premium", "ultimate", "gold", "silver"][Int(id % 4)]]
            case .standard: [["bronze", "starter"][Int(id % 2)]]
            case .licensing: ["l_and_r"]
            case .usFederal: ["us_federal"]
            case .free: ["free_user"]
            case .unknown: []
            }
        return tier + [id % 3 == 0 ? "gitlab_com" : "self_managed"]
    }

    public static func zendeskTicket(_ ticket: Ticket, deleted: Bool, now: Date, includeSLAs: Bool) -> String {
        typealias J = SyntheticJSONWriter
        let id = ticket.id
        let subject = deleted ? "SCRUBBED" : ticket.subject
        let updated = ticket.sourceUpdatedAt ?? ticket.createdAt
        let region = ticket.region.map { J.quote($0.rawValue.lowercased()) } ?? "null"
        let fields = "[{\"id\":\(zendeskRegionFieldId),\"value\":\(region)}]"
        let orgId = ticket.organization.flatMap { organizationIds[$0] }.map(String.init) ?? "null"
        let assigneeId = ticket.assignee.flatMap { userIds[$0] }.map(String.init) ?? "null"
        let requester = 6_131_000_000_000 + id
        let form = ticket.plan == .licensing ? zendeskLicensingFormId : 360_000_000_100
        var json = "{\"url\":\"https://\(zendeskSubdomain).zendesk.com/api/v2/tickets/\(id).json\",\"id\":\(id),"
        json += "\"external_id\":null,\"via\":{\"channel\":\"web\",\"source\":{\"from\":{},\"to\":{},\"rel\":null}},"
        json += "\"created_at\":\(J.time(ticket.createdAt)),\"updated_at\":\(J.time(updated)),\"type\":null,"
        json += "\"subject\":\(J.quote(subject)),\"raw_subject\":\(J.quote(subject)),"
        json += "\"description\":\(J.quote(deleted ? "SCRUBBED" : "Hello, \(ticket.subject.lowercased()). Details below.")),"
        json += "\"priority\":\(J.quote(ticket.priority?.rawValue)),"
        json += "\"status\":\(J.quote(deleted ? "deleted" : ticket.status.rawValue)),\"recipient\":null,"
        json += "\"requester_id\":\(requester),\"submitter_id\":\(requester),\"assignee_id\":\(assigneeId),"
        json += "\"organization_id\":\(orgId),\"group_id\":\(ticket.assignee == nil ? "null" : "360000000042"),"
        json += "\"collaborator_ids\":[],\"follower_ids\":[],\"email_cc_ids\":[],\"forum_topic_id\":null,"
        json += "\"problem_id\":null,\"has_incidents\":false,\"is_public\":true,\"due_at\":null,"
        json += "\"tags\":[\(tags(for: ticket.plan, id: id).map { J.quote($0) }.joined(separator: ","))],"
        json += "\"custom_fields\":\(fields),\"satisfaction_rating\":null,\"sharing_agreement_ids\":[],"
        json += "\"custom_status_id\":6130830355738,\"fields\":\(fields),\"followup_ids\":[],"
        json += "\"ticket_form_id\":\(form),\"brand_id\":6130830354842,\"allow_channelback\":false,"
        json += "\"allow_attachments\":true,\"from_messaging_channel\":false,"
        if includeSLAs { json += "\"slas\":{\"policy_metrics\":\(policyMetrics(ticket, now: now))}," }
        json += "\"generated_timestamp\":\(Int64(updated.timeIntervalSince1970))}"
        return json
    }

    /// The FRT metric as Zendesk gives it: `active` with its deadline, `paused`, or `achieved` once replied.
    private static func policyMetrics(_ ticket: Ticket, now: Date) -> String {
        typealias J = SyntheticJSONWriter
        if ticket.slaPaused {
            return "[{\"breach_at\":null,\"stage\":\"paused\",\"metric\":\"first_reply_time\",\"minutes\":0}]"
        }
        guard let breach = ticket.slaBreachAt ?? (ticket.firstReplyAt == nil ? nil : ticket.createdAt) else {
            return "[]"
        }
        let stage = ticket.firstReplyAt == nil ? "active" : "achieved"
        let left = Int64(breach.timeIntervalSince(now))
        let unit =
            abs(left) >= 86_400 ? "\"days\":\(left / 86_400)"
            : abs(left) >= 3_600 ? "\"hours\":\(left / 3_600)" : "\"minutes\":\(left / 60)"
        return "[{\"breach_at\":\(J.time(breach)),\"stage\":\"\(stage)\",\"metric\":\"first_reply_time\",\(unit)}]"
    }
}

extension SyntheticExport {
    /// The `users` (agents) and `organizations` sideloads of `include=users,organizations`, as the members
    /// of an answer object (without braces), naming every agent and organization the tickets use.
    public static func zendeskSideloads() -> String {
        typealias J = SyntheticJSONWriter
        let users = userIds.sorted { $0.value < $1.value }.map { name, id in
            let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
            return "{\"id\":\(id),\"name\":\(J.quote(name)),\"email\":\(J.quote(email)),\"role\":\"agent\"}"
        }
        let organizations = organizationIds.sorted { $0.value < $1.value }.map { name, id in
            "{\"id\":\(id),\"name\":\(J.quote(name))}"
        }
        return "\"users\":[\(users.joined(separator: ","))],\"organizations\":[\(organizations.joined(separator: ","))]"
    }
}
