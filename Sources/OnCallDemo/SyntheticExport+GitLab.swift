import Foundation
import OnCallRules

extension SyntheticExport {
    /// A GitLab `GET /projects/:id/issues` response (a JSON array) with `count` escalation issues.
    public static func writeGitLabIssues(count: Int, seed: UInt64 = 42, now: Date, to handle: FileHandle) throws {
        let generator = SyntheticGenerator(spec: spec(tickets: 100_000, escalations: count), seed: seed, now: now)
        var out = SyntheticJSONWriter(handle: handle)
        try out.raw("[")
        for index in 0..<count {
            if index > 0 { try out.raw(",") }
            try out.raw("\n")
            try out.raw(gitLabIssue(generator.escalation(index)))
        }
        try out.raw("\n]\n")
        try out.flush()
    }

    private static func gitLabUser(_ name: String) -> String {
        let id = (userIds[name] ?? 0) % 100_000
        let username = name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(String.init).joined()
        return "{\"id\":\(id),\"username\":\"\(username)\",\"name\":\(SyntheticJSONWriter.quote(name)),"
            + "\"state\":\"active\",\"avatar_url\":null,\"web_url\":\"https://gitlab.com/\(username)\"}"
    }

    private static let urgencyText: [Urgency: String] = [.urgent: "Urgent", .timely: "Timely", .notUrgent: "Not Urgent"]

    public static func gitLabIssue(_ escalation: Escalation) -> String {
        typealias J = SyntheticJSONWriter
        let iid = escalation.id
        let project = 4_242
        var description = "**Ticket:** https://gitlab.zendesk.com/agent/tickets/\(escalation.ticket ?? 0)\n"
        description += "**Customer:** \(escalation.customer ?? "")\n"
        if let urgency = urgencyText[escalation.urgency] { description += "**Urgency:** \(urgency)\n" }
        description += "**Reason:** \(escalation.title)\n**Desired outcome:** a clear next step today\n"
        let open = escalation.state.isOpen
        let updated = escalation.sourceUpdatedAt ?? escalation.announcedAt
        let bot = "{\"id\":1,\"username\":\"support-bot\",\"name\":\"GitLab Support Bot\",\"state\":\"active\","
            + "\"avatar_url\":null,\"web_url\":\"https://gitlab.com/support-bot\"}"
        let owner = escalation.owner.map(gitLabUser)
        let url = "https://gitlab.com/gitlab-com/support/escalations/-/issues/\(iid)"
        let api = "https://gitlab.com/api/v4/projects/\(project)"
        var json = "{\"project_id\":\(project),\"milestone\":null,\"author\":\(bot),"
        json += "\"description\":\(J.quote(description)),\"state\":\"\(open ? "opened" : "closed")\",\"iid\":\(iid),"
        json += "\"assignees\":[\(owner ?? "")],\"assignee\":\(owner ?? "null"),\"type\":\"ISSUE\","
        json += "\"labels\":[\(escalation.labels.map { J.quote($0) }.joined(separator: ","))],"
        json += "\"upvotes\":0,\"downvotes\":0,\"merge_requests_count\":0,\"id\":\(900_000 + iid),"
        json += "\"title\":\(J.quote(escalation.title)),"
        json += "\"updated_at\":\(J.time(updated, milliseconds: true)),"
        json += "\"created_at\":\(J.time(escalation.announcedAt, milliseconds: true)),"
        json += "\"closed_at\":\(J.time(escalation.closedAt, milliseconds: true)),"
        json += "\"closed_by\":\(open ? "null" : escalation.acknowledgedBy.map(gitLabUser) ?? bot),"
        json += "\"user_notes_count\":\(open ? 1 : 4),\"due_date\":null,\"imported\":false,\"imported_from\":\"none\","
        json += "\"web_url\":\"\(url)\",\"references\":{\"short\":\"#\(iid)\",\"relative\":\"#\(iid)\","
        json += "\"full\":\"gitlab-com/support/escalations#\(iid)\"},"
        json += "\"time_stats\":{\"time_estimate\":0,\"total_time_spent\":0,\"human_time_estimate\":null,"
        json += "\"human_total_time_spent\":null},\"has_tasks\":false,\"task_status\":\"\",\"confidential\":false,"
        json += "\"discussion_locked\":null,\"issue_type\":\"issue\",\"severity\":\"UNKNOWN\","
        json += "\"_links\":{\"self\":\"\(api)/issues/\(iid)\",\"notes\":\"\(api)/issues/\(iid)/notes\","
        json += "\"award_emoji\":\"\(api)/issues/\(iid)/award_emoji\",\"project\":\"\(api)\","
        json += "\"closed_as_duplicate_of\":null},\"task_completion_status\":{\"count\":0,\"completed_count\":0}}"
        return json
    }
}
