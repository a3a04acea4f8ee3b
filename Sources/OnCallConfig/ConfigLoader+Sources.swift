import Foundation
import OnCallRules

extension ConfigLoader {
    // MARK: [sources.*]

    static func applySources(_ node: ConfigNode, to sources: inout SourcesSettings) throws {
        try node.checkKeys(SourceKind.allCases.map(\.rawValue))
        for kind in SourceKind.allCases {
            guard let sub = try node.node(kind.rawValue) else { continue }
            try sub.checkKeys(SourceSettings.keys(kind))
            var settings = sources[kind]
            if let text = try sub.string("url") {
                if let problem = Self.sourceURLProblem(text) { throw sub.fail("url", problem) }
                settings.url = text.hasSuffix("/") ? String(text.dropLast()) : text
            }
            if let name = try sub.string("token_env") {
                guard Self.isEnvironmentName(name) else {
                    throw sub.fail(
                        "token_env",
                        "expected the NAME of an environment variable (letters, digits, _), not the token, got \"\(name.prefix(3))...\"")
                }
                settings.tokenEnv = name
            }
            if let value = try sub.int("poll_seconds", in: ConfigRange.pollSeconds) { settings.pollSeconds = value }
            if let value = try sub.string("email") { settings.email = value }
            if let value = try sub.int("view_id", in: 0...Int.max) { settings.viewId = Int64(value) }
            if let value = try sub.string("from") { settings.from = value }
            if let value = try sub.stringArray("service_ids") { settings.serviceIds = value }
            if let value = try sub.stringArray("escalation_policy_ids") { settings.escalationPolicyIds = value }
            if let value = try sub.stringArray("schedule_ids") { settings.scheduleIds = value }
            if let value = try sub.string("project") {
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw sub.fail("project", "expected a project path such as \"group/project\", got \"\"")
                }
                settings.project = value
            }
            if let value = try sub.string("escalations_channel") { settings.escalationsChannel = value }
            if let value = try sub.string("team_channel") { settings.teamChannel = value }
            sources[kind] = settings
        }
    }

    /// Why a source URL is refused (nil = fine): `https`, or plain `http` to a loopback address only.
    static func sourceURLProblem(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else {
            return "expected an https URL, got \"\(text)\""
        }
        if scheme == "https" { return nil }
        if scheme == "http", ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) { return nil }
        return "expected an https URL (plain http only to 127.0.0.1 or localhost), got \"\(text)\""
    }

    /// Letters, digits and `_`, not starting with a digit: a variable's name, not a secret pasted in its place.
    static func isEnvironmentName(_ name: String) -> Bool {
        !name.isEmpty && !(name.first?.isNumber ?? true) && name.count <= 64
            && name.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            }
            && !(name.hasPrefix("xox") || name.hasPrefix("glpat") || name.hasPrefix("u+"))
    }

    // MARK: [people."Full Name"]

    static func applyPeople(_ node: ConfigNode, to people: inout [String: PersonOverride]) throws {
        for name in node.keys {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw node.fail(name, "expected a person's full name as the table name")
            }
            guard let sub = try node.node(name) else { continue }
            try sub.checkKeys(PersonOverride.keys)
            var person = people[name] ?? PersonOverride()
            if let value = try sub.string("email") { person.email = value }
            if let value = try sub.string("pagerduty_id") { person.pagerdutyId = value }
            if let value = try sub.string("gitlab_username") { person.gitlabUsername = value }
            if let value = try sub.int("gitlab_id") { person.gitlabId = Int64(value) }
            if let value = try sub.string("slack_id") { person.slackId = value }
            people[name] = person
        }
    }

    // MARK: rendering

    static func renderSources(_ sources: SourcesSettings, people: [String: PersonOverride]) -> [String] {
        var out: [String] = []
        for kind in SourceKind.allCases {
            let s = sources[kind]
            out.append("\n[sources.\(kind.rawValue)]")
            out.append("url = \(ConfigText.quote(s.url))")
            out.append("token_env = \(ConfigText.quote(s.tokenEnv))")
            switch kind {
            case .zendesk:
                out.append("email = \(ConfigText.quote(s.email))")
                out.append("view_id = \(s.viewId)")
            case .pagerduty:
                out.append("from = \(ConfigText.quote(s.from))")
                out.append("service_ids = \(quotedList(s.serviceIds))")
                out.append("escalation_policy_ids = \(quotedList(s.escalationPolicyIds))")
                out.append("schedule_ids = \(quotedList(s.scheduleIds))")
            case .gitlab:
                out.append("project = \(ConfigText.quote(s.project))")
            case .slack:
                out.append("escalations_channel = \(ConfigText.quote(s.escalationsChannel))")
                out.append("team_channel = \(ConfigText.quote(s.teamChannel))")
            }
            out.append("poll_seconds = \(s.pollSeconds)")
        }
        for (name, p) in people.sorted(by: { $0.key < $1.key }) {
            out.append("\n[people.\(ConfigText.quote(name))]")
            if !p.email.isEmpty { out.append("email = \(ConfigText.quote(p.email))") }
            if !p.pagerdutyId.isEmpty { out.append("pagerduty_id = \(ConfigText.quote(p.pagerdutyId))") }
            if !p.gitlabUsername.isEmpty { out.append("gitlab_username = \(ConfigText.quote(p.gitlabUsername))") }
            if p.gitlabId != 0 { out.append("gitlab_id = \(p.gitlabId)") }
            if !p.slackId.isEmpty { out.append("slack_id = \(ConfigText.quote(p.slackId))") }
        }
        return out
    }

    private static func quotedList(_ items: [String]) -> String {
        "[" + items.map(ConfigText.quote).joined(separator: ", ") + "]"
    }
}
