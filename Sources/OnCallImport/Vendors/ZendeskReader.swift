import Foundation
import OnCallRules

/// Zendesk payloads -> tickets: single ticket (wrapped or bare), offset/cursor lists, show_many, view tickets,
/// search `results`, the incremental export, with or without `slas`, `users` and `organizations` sideloads.
struct ZendeskReader: JSONDocumentHandler {
    let settings: ImportSettings
    var batch: ImportBatch
    let progress: ((Int) -> Void)?
    /// Index in `batch.tickets` where the current document's tickets start (sideloads resolve only those).
    private var documentStart = 0

    init(settings: ImportSettings, batch: ImportBatch, progress: ((Int) -> Void)?) {
        self.settings = settings
        self.batch = batch
        self.progress = progress
    }

    var streamedKeys: Set<String> { ["tickets", "results"] }

    /// The ticket members the mapping reads.
    static let ticketKeys: Set<String> = [
        "id", "subject", "raw_subject", "status", "priority", "created_at", "updated_at", "organization_id",
        "assignee_id", "tags", "ticket_form_id", "custom_fields", "slas", "result_type",
    ]
    var elementKeys: Set<String>? { Self.ticketKeys }

    mutating func element(_ node: JSONNode, key: String?, index: Int) throws {
        batch.read += 1
        if key == "results" {
            let type = try node["result_type"].optionalString()
            if type != "ticket" {
                batch.skipped += 1
                progress?(batch.read)
                return
            }
        }
        batch.tickets.append(try ticket(node))
        progress?(batch.read)
    }

    mutating func endDocument(_ envelope: JSONNode, streamed: Set<String>) throws {
        _ = try envelope.object()
        batch.envelope.note(envelope)
        if !streamed.isEmpty {
            // tickets or results arrived element by element
        } else if envelope["ticket"].isPresent {
            batch.read += 1
            batch.tickets.append(try ticket(try envelope["ticket"].object()))
        } else if envelope["id"].isPresent, envelope["subject"].isPresent || envelope["status"].isPresent {
            batch.read += 1
            batch.tickets.append(try ticket(envelope))
        } else if envelope["tickets"].isPresent || envelope["results"].isPresent {
            let key = envelope["tickets"].isPresent ? "tickets" : "results"
            throw envelope[key].problem("an array")
        } else if let vendorError = try Self.vendorError(envelope) {
            throw JSONProblem(path: envelope.path, reason: "Zendesk answered with an error: \(vendorError)")
        } else {
            throw JSONProblem(path: envelope.path, reason: "expected a Zendesk ticket, ticket list or search results")
        }
        try resolveSideloads(envelope)
        documentStart = batch.tickets.count
    }

    /// Zendesk's error bodies, in its own words: `{"error": "RecordNotFound", "description": "Not found"}`,
    /// `{"error": {"title": ..., "message": ...}}`; nil when the body is not one.
    static func vendorError(_ envelope: JSONNode) throws(JSONProblem) -> String? {
        let error = envelope["error"]
        guard error.isPresent else { return nil }
        var parts: [String] = []
        if case .object? = error.value {
            if let title = try error["title"].optionalString() { parts.append(title) }
            if let message = try error["message"].optionalString() { parts.append(message) }
        } else if let code = try? error.string() {
            parts.append(code)
        }
        if let description = try? envelope["description"].optionalString() { parts.append(description) }
        guard !parts.isEmpty else { return nil }
        return parts.map { String($0.prefix(200)) }.joined(separator: ": ")
    }

    // MARK: mapping

    private mutating func ticket(_ node: JSONNode) throws(JSONProblem) -> ImportedTicket {
        _ = try node.object()
        let id = try node["id"].int64()
        let createdAt = try node["created_at"].date()
        let updatedAt = try node["updated_at"].optionalDate()
        var subject = try node["subject"].optionalString()
        if subject == nil { subject = try node["raw_subject"].optionalString() }

        let statusText = try node["status"].string()
        let known = TicketStatus(rawValue: statusText)
        let status = known ?? .unknown
        if known == nil {
            batch.warnings.add("ticket \(id): unknown status \"\(statusText.prefix(40))\" kept as unknown")
        }

        var priority: TicketPriority?
        if let p = try node["priority"].optionalString() {
            priority = TicketPriority(rawValue: p)
            if priority == nil { batch.warnings.add("ticket \(id): unknown priority \"\(p.prefix(40))\" ignored") }
        }

        var tags: [String] = []
        for tag in try node["tags"].optionalArray() { tags.append(try tag.string()) }
        let form = try node["ticket_form_id"].optionalInt64()
        let organizationId = try node["organization_id"].optionalInt64()
        let plan = Self.plan(form: form, tags: tags, hasOrganization: organizationId != nil, settings: settings)

        let region = try region(node, ticket: id)
        let stage = try stage(node)
        let assigneeId = try node["assignee_id"].optionalInt64()

        var ticket = Ticket(
            id: id, subject: subject ?? "", organization: nil, plan: plan, priority: priority, status: status,
            createdAt: createdAt, region: region, sourceUpdatedAt: updatedAt,
            form: form.flatMap { settings.zendeskForms[$0] }, tags: tags, stage: stage
        )
        let slas = node["slas"]
        let slaKnown = !slas.isAbsent
        var hasFRT = false
        if slaKnown {
            hasFRT = try applySLA(try slas.object(), to: &ticket, updatedAt: updatedAt)
        }
        // Pending / on-hold: an agent normally replies before setting it, so without a first-reply metric
        // (active or paused) it counts as replied (imports.zendesk_pending_replied).
        if settings.zendeskPendingReplied, status == .pending || status == .hold, !hasFRT,
            ticket.firstReplyAt == nil
        {
            ticket.firstReplyAt = updatedAt ?? createdAt
            ticket.slaBreachAt = nil
            ticket.slaPaused = false
        }
        return ImportedTicket(
            ticket: ticket, slaKnown: slaKnown, unresolvedOrganization: organizationId,
            unresolvedAssignee: assigneeId
        )
    }

    /// The form's plan, else the first ticket tag with a plan, else the default for a ticket with an
    /// organization; a ticket with neither organization nor plan tag is `unknown` (the Triage policy catches it
    /// before the unknown plan's, DOMAIN.md §1.3).
    static func plan(form: Int64?, tags: [String], hasOrganization: Bool = true, settings: ImportSettings) -> Plan {
        if let form, let plan = settings.zendeskPlanForms[form] { return plan }
        for tag in tags { if let plan = settings.zendeskPlanTags[tag] { return plan } }
        return hasOrganization ? settings.zendeskDefaultPlan : .unknown
    }

    /// The ticket stage from the custom field `imports.zendesk_stage_field` (a dropdown's tag value such as
    /// `needs_org`), normalized to `needs-org`; nil without the field or a value.
    private func stage(_ node: JSONNode) throws(JSONProblem) -> String? {
        guard let field = settings.zendeskStageField else { return nil }
        for entry in try node["custom_fields"].optionalArray() {
            guard (try? entry["id"].int64()) == field, let text = entry["value"].looseText, !text.isEmpty else {
                continue
            }
            return Ticket.normalizedStage(String(text.prefix(80)))
        }
        return nil
    }

    /// The FRT metric decides: active -> its breach_at, paused -> paused, achieved -> replied. A next-reply
    /// metric without a first-reply one means the first reply was sent.
    /// Returns true when the payload carries a first-reply metric (any stage): it decides, not the status.
    @discardableResult
    private mutating func applySLA(_ slas: JSONNode, to ticket: inout Ticket, updatedAt: Date?) throws(JSONProblem)
        -> Bool
    {
        struct Metric {
            var metric: String
            var stage: String
            var breachAt: Date?
        }
        var metrics: [Metric] = []
        for m in try slas["policy_metrics"].optionalArray() {
            _ = try m.object()
            metrics.append(
                Metric(
                    metric: try m["metric"].string(), stage: try m["stage"].optionalString() ?? "",
                    breachAt: try m["breach_at"].optionalDate()
                )
            )
        }
        let frt = metrics.filter { $0.metric == "first_reply_time" }
        var replied = false
        if let m = frt.first(where: { $0.stage == "active" }) ?? frt.first {
            switch m.stage {
            case "active": ticket.slaBreachAt = m.breachAt
            case "paused": ticket.slaPaused = true
            case "achieved", "fulfilled", "completed": replied = true
            default:
                batch.warnings.add(
                    "ticket \(ticket.id): unknown SLA stage \"\(m.stage.prefix(40))\" for first_reply_time; deadline computed"
                )
            }
        } else if metrics.contains(where: { $0.metric == "next_reply_time" }) {
            replied = true
        }
        // Zendesk does not say when the first reply went out; the ticket's last update is the best bound.
        if replied { ticket.firstReplyAt = updatedAt ?? ticket.createdAt }
        return !frt.isEmpty
    }

    private mutating func region(_ node: JSONNode, ticket id: Int64) throws(JSONProblem) -> Region? {
        guard let field = settings.zendeskRegionField else { return nil }
        for entry in try node["custom_fields"].optionalArray() {
            guard (try? entry["id"].int64()) == field, let text = entry["value"].looseText, !text.isEmpty else {
                continue
            }
            let lower = text.lowercased()
            if let r = Region.allCases.first(where: { lower.contains($0.rawValue.lowercased()) }) { return r }
            batch.warnings.add("ticket \(id): region \"\(text.prefix(40))\" not understood; no region")
            return nil
        }
        return nil
    }

    /// Fills organization and assignee names from this document's `organizations` and `users` sideloads.
    private mutating func resolveSideloads(_ envelope: JSONNode) throws(JSONProblem) {
        let organizations = try names(envelope["organizations"])
        let users = try names(envelope["users"])
        for user in try envelope["users"].optionalArray() {
            // Requesters are customers: only agents and admins go to the people directory.
            guard let name = try user["name"].optionalString(),
                ["agent", "admin"].contains(try user["role"].optionalString() ?? "agent")
            else { continue }
            batch.meet(
                ImportedPerson(
                    name: name, email: try user["email"].optionalString(), zendeskId: try user["id"].optionalInt64()))
        }
        guard documentStart < batch.tickets.count else { return }
        for i in documentStart..<batch.tickets.count {
            if let org = batch.tickets[i].unresolvedOrganization, let name = organizations[org] {
                batch.tickets[i].ticket.organization = name
                batch.tickets[i].unresolvedOrganization = nil
            }
            if let user = batch.tickets[i].unresolvedAssignee, let name = users[user] {
                batch.tickets[i].ticket.assignee = name
                batch.tickets[i].unresolvedAssignee = nil
            }
        }
    }

    private func names(_ node: JSONNode) throws(JSONProblem) -> [Int64: String] {
        var result: [Int64: String] = [:]
        for item in try node.optionalArray() {
            _ = try item.object()
            if let name = try item["name"].optionalString() { result[try item["id"].int64()] = name }
        }
        return result
    }
}
