import Foundation
import OnCallRules

/// GitLab escalation tracker payloads -> escalations: `GET /projects/:id/issues` lists, a single issue, and
/// issue / work_item webhooks (both timestamp styles, labels as strings or objects).
struct GitLabReader: JSONDocumentHandler {
    let settings: ImportSettings
    var batch: ImportBatch
    let progress: ((Int) -> Void)?

    var streamedKeys: Set<String> { [] }
    var elementKeys: Set<String>? { nil }

    mutating func element(_ node: JSONNode, key: String?, index: Int) throws {
        batch.read += 1
        batch.escalations.append(try escalation(node, labels: node["labels"]))
        progress?(batch.read)
    }

    mutating func endDocument(_ envelope: JSONNode, streamed: Set<String>) throws {
        if case .array? = envelope.value { return }
        _ = try envelope.object()
        if let kind = try envelope["object_kind"].optionalString() {
            batch.read += 1
            guard kind == "issue" || kind == "work_item" else {
                batch.skipped += 1
                batch.warnings.add("\(envelope.path): webhook object_kind \"\(kind.prefix(40))\" not imported")
                return
            }
            let attributes = try envelope["object_attributes"].object()
            let labels = attributes["labels"].isAbsent ? envelope["labels"] : attributes["labels"]
            let project = try envelope["project"].optionalObject()
            batch.escalations.append(
                try escalation(
                    attributes, labels: labels, projectId: try project?["id"].optionalInt64(),
                    projectPath: try project?["path_with_namespace"].optionalString()))
        } else if envelope["iid"].isPresent {
            batch.read += 1
            batch.escalations.append(try escalation(envelope, labels: envelope["labels"]))
        } else {
            throw JSONProblem(path: envelope.path, reason: "expected a GitLab issue, issue list or issue webhook")
        }
        progress?(batch.read)
    }

    private mutating func escalation(
        _ node: JSONNode, labels labelsNode: JSONNode, projectId envelopeProjectId: Int64? = nil,
        projectPath envelopePath: String? = nil
    ) throws(JSONProblem) -> Escalation {
        _ = try node.object()
        let iid = try node["iid"].int64()
        let projectId = try node["project_id"].optionalInt64() ?? envelopeProjectId
        let reference = try node["references"].optionalObject()?["full"].optionalString()
        var webURL = try node["web_url"].optionalString()
        if webURL == nil { webURL = try node["url"].optionalString() }
        let project = envelopePath ?? GitLabText.projectPath(reference: reference, iid: iid, webURL: webURL)
        let name = (project ?? projectId.map(String.init)).map { "\($0)#\(iid)" } ?? "\(iid)"
        let title = try node["title"].string()
        let description = try node["description"].optionalString() ?? ""
        let createdAt = try node["created_at"].date()
        let updatedAt = try node["updated_at"].optionalDate()
        let closedAt = try node["closed_at"].optionalDate()
        var labels: [String] = []
        for label in try labelsNode.optionalArray() {
            if case .object? = label.value {
                labels.append(try label["title"].string())
            } else {
                labels.append(try label.string())
            }
        }
        for key in ["author", "assignee"] {
            if let user = try node[key].optionalObject() { try meetUser(user) }
        }
        for user in try node["assignees"].optionalArray() { try meetUser(try user.object()) }
        let stateText = try node["state"].string()
        let state: EscalationState
        switch stateText {
        case "opened", "reopened": state = .new
        case "closed":
            let rejected = labels.contains { ["de-escalation", "unstarred"].contains($0.lowercased()) }
            state = rejected ? .rejected : .resolved
        default:
            batch.warnings.add("escalation \(name): unknown state \"\(stateText.prefix(40))\" read as open")
            state = .new
        }
        var escalation = Escalation(
            id: iid, ticket: GitLabText.ticketNumber(title: title, description: description), title: title,
            customer: GitLabText.line("customer", in: description), urgency: urgency(labels, description, name),
            state: state, announcedAt: createdAt, labels: labels.filter { $0.hasPrefix("Escalation::") },
            closedAt: state.isOpen ? nil : closedAt ?? updatedAt ?? createdAt, sourceUpdatedAt: updatedAt ?? createdAt,
            iid: iid, projectId: projectId, project: project
        )
        if state == .rejected {
            escalation.rejectionReason = labels.first { ["de-escalation", "unstarred"].contains($0.lowercased()) }
                .map { "labelled \($0) in GitLab" }
        }
        return escalation
    }

    /// A GitLab user object (`{"id", "username", "name"}`) into the people met.
    private mutating func meetUser(_ user: JSONNode) throws(JSONProblem) {
        guard let name = try user["name"].optionalString() else { return }
        batch.meet(
            ImportedPerson(
                name: name, gitlabUsername: try user["username"].optionalString(),
                gitlabId: try user["id"].optionalInt64()))
    }

    /// A scoped `Urgency::` label wins over an `Urgency:` line in the description. Without either the urgency
    /// is not set: a warning names the issue (the row says "urgency not set"; respond-by from
    /// `escalation_minutes.unknown`).
    private mutating func urgency(_ labels: [String], _ description: String, _ name: String) -> Urgency {
        let fromLabel = labels.first { GitLabText.scope(of: $0)?.lowercased() == "urgency" }
            .map { String($0[$0.range(of: "::", options: .backwards)!.upperBound...]) }
        guard let text = fromLabel ?? GitLabText.line("urgency", in: description) else {
            batch.warnings.add(
                "escalation \(name): urgency not set (no Urgency:: label or Urgency: line); "
                    + "respond-by from escalation_minutes.unknown")
            return .unknown
        }
        if let u = GitLabText.urgency(text) { return u }
        batch.warnings.add("escalation \(name): unknown urgency \"\(text.prefix(40))\" kept as unknown")
        return .unknown
    }
}

/// Text rules for escalation issues: ticket links, `Key: value` lines, scoped labels, urgency words.
enum GitLabText {
    private static let zendeskLink = try! NSRegularExpression(
        pattern: "zendesk\\.com/agent/tickets/([0-9]{1,18})", options: [.caseInsensitive])
    private static let titleNumber = try! NSRegularExpression(
        pattern: "(?:^|[^0-9])([0-9]{5,10})(?:[^0-9]|$)")

    /// A Zendesk ticket link in the title or description, else a 5-10 digit number in the title.
    static func ticketNumber(title: String, description: String) -> Int64? {
        for text in [title, description] {
            if let n = firstCapture(zendeskLink, in: text) { return n }
        }
        return firstCapture(titleNumber, in: title)
    }

    private static func firstCapture(_ regex: NSRegularExpression, in text: String) -> Int64? {
        let range = NSRange(text.startIndex..., in: text)
        guard let m = regex.firstMatch(in: text, range: range), let r = Range(m.range(at: 1), in: text) else {
            return nil
        }
        return Int64(text[r])
    }

    /// The project's path: `references.full` without its `#iid`, else the part of the issue URL before
    /// `/-/issues/` (or the old `/issues/`).
    static func projectPath(reference: String?, iid: Int64, webURL: String?) -> String? {
        if let reference, let hash = reference.range(of: "#", options: .backwards),
            reference[hash.upperBound...] == String(iid), hash.lowerBound > reference.startIndex
        {
            return String(reference[..<hash.lowerBound])
        }
        guard let webURL, let url = URLComponents(string: webURL), url.host != nil else { return nil }
        let path = url.path
        for marker in ["/-/issues/", "/-/work_items/", "/issues/", "/work_items/"] {
            if let r = path.range(of: marker), r.lowerBound > path.startIndex {
                return String(path[path.index(after: path.startIndex)..<r.lowerBound])
            }
        }
        return nil
    }

    /// The value of a `Key: value` line (markdown bullets and bold allowed), or nil.
    static func line(_ key: String, in description: String) -> String? {
        let decorations = CharacterSet(charactersIn: "*_-> \t#")
        for raw in description.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: decorations)
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: decorations)
            guard name.lowercased() == key else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: decorations)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The scope of a scoped label: everything before the last `::`.
    static func scope(of label: String) -> String? {
        label.range(of: "::", options: .backwards).map { String(label[..<$0.lowerBound]) }
    }

    /// `Urgent`, `Timely`, `Not Urgent` / `Not-Urgent` (any case, trailing words allowed).
    static func urgency(_ text: String) -> Urgency? {
        let words = text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(separator: " ")
        switch (words.first, words.dropFirst().first) {
        case ("not"?, "urgent"?): return .notUrgent
        case ("noturgent"?, _): return .notUrgent
        case ("urgent"?, _): return .urgent
        case ("timely"?, _): return .timely
        default: return nil
        }
    }
}
