import Foundation

/// How a person names an escalation or an emergency (CLI arguments), resolved against the records to the
/// store's number. Plain `N` works while only one record answers to it; otherwise the error names the
/// candidates and how to name each one.
///
/// Escalations: `42` (the iid, or the number of one added by hand), `group/project#42`, `123#42` (project
/// id), or `42` with a project given separately. Emergencies: `512911` (the emergency's number, the Zendesk
/// ticket it names or its PagerDuty incident number), `pd#1234` (incident number), `PT4KHLK` (incident id),
/// `ticket#512911`.
public enum RecordAddress: Sendable, Equatable, CustomStringConvertible {
    case number(Int64)
    /// A GitLab project (path or numeric id) and an iid.
    case issue(project: String, iid: Int64)
    case incidentNumber(Int64)
    case incidentId(String)
    case ticket(Int64)

    public var description: String {
        switch self {
        case .number(let n): "\(n)"
        case .issue(let project, let iid): "\(project)#\(iid)"
        case .incidentNumber(let n): "pd#\(n)"
        case .incidentId(let id): id
        case .ticket(let n): "ticket#\(n)"
        }
    }

    /// Parses an escalation address; `project` (e.g. `--project`) turns a plain number into `project#N`.
    public static func escalation(_ text: String, project: String? = nil) throws(RuleError) -> RecordAddress {
        let text = text.trimmingCharacters(in: .whitespaces)
        let project = project?.trimmingCharacters(in: .whitespaces)
        if let hash = text.range(of: "#", options: .backwards) {
            let path = String(text[..<hash.lowerBound])
            guard let iid = positive(text[hash.upperBound...]) else {
                throw .invalid("escalation '\(text)': expected a positive number N, group/project#N or N --project P")
            }
            if path.isEmpty { return project.map { .issue(project: $0, iid: iid) } ?? .number(iid) }
            if let project, project.lowercased() != path.lowercased() {
                throw .invalid("escalation '\(text)': names project \(path) but --project says \(project)")
            }
            return .issue(project: path, iid: iid)
        }
        guard let n = positive(Substring(text)) else {
            throw .invalid("escalation '\(text)': expected a positive number N, group/project#N or N --project P")
        }
        if let project, !project.isEmpty { return .issue(project: project, iid: n) }
        return .number(n)
    }

    /// Parses an emergency address.
    public static func emergency(_ text: String) throws(RuleError) -> RecordAddress {
        let text = text.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        for (prefix, make) in [
            ("pd#", RecordAddress.incidentNumber), ("pagerduty#", RecordAddress.incidentNumber),
            ("ticket#", RecordAddress.ticket), ("zd#", RecordAddress.ticket),
        ] where lower.hasPrefix(prefix) {
            guard let n = positive(text.dropFirst(prefix.count)) else { break }
            return make(n)
        }
        if let n = positive(Substring(text.hasPrefix("#") ? String(text.dropFirst()) : text)) { return .number(n) }
        if let first = text.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first), text.count <= 20,
            text.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII })
        {
            return .incidentId(text)
        }
        throw .invalid(
            "emergency '\(text)': expected a positive number, pd#N (PagerDuty incident number), ticket#N or a PagerDuty "
                + "incident id like PT4KHLK")
    }

    private static func positive(_ text: Substring) -> Int64? {
        guard let n = Int64(text), n > 0 else { return nil }
        return n
    }

    /// The escalation's number in the store.
    public func escalationId(in records: some RecordLookup) throws -> Int64 {
        switch self {
        case .number(let n):
            let found = try records.escalations(number: n)
            if found.count == 1 { return found[0].id }
            if found.isEmpty { throw RuleError.notFound(RecordRef(.escalation, n)) }
            let names = found.map(\.reference).joined(separator: ", ")
            throw RuleError.invalid(
                "escalation \(n) is ambiguous: \(names); name the project (group/project#\(n) or --project)")
        case .issue(let project, let iid):
            let found = try records.escalations(number: iid)
            let match = found.filter { e in
                e.project?.lowercased() == project.lowercased() || e.projectId.map(String.init) == project
            }
            if match.count == 1 { return match[0].id }
            let known = found.map(\.reference).joined(separator: ", ")
            throw RuleError.refused(
                "no escalation \(project)#\(iid)" + (known.isEmpty ? "" : " (escalation \(iid) is \(known))"))
        case .incidentNumber, .incidentId, .ticket:
            throw RuleError.invalid("'\(self)' names an emergency, not an escalation")
        }
    }

    /// The emergency's number in the store.
    public func emergencyId(in records: some RecordLookup) throws -> Int64 {
        var found: [Emergency] = []
        func add(_ list: [Emergency]) {
            for e in list where !found.contains(where: { $0.id == e.id }) { found.append(e) }
        }
        switch self {
        case .number(let n):
            add(try records.emergency(n).map { [$0] } ?? [])
            add(try records.emergencies(ticket: n))
            add(try records.emergencies(incidentNumber: n))
        case .incidentNumber(let n): add(try records.emergencies(incidentNumber: n))
        case .ticket(let n): add(try records.emergencies(ticket: n))
        case .incidentId(let id): add(try records.emergency(incidentId: id).map { [$0] } ?? [])
        case .issue:
            throw RuleError.invalid("'\(self)' names an escalation, not an emergency")
        }
        if found.count == 1 { return found[0].id }
        if found.isEmpty {
            if case .number(let n) = self { throw RuleError.notFound(RecordRef(.emergency, n)) }
            throw RuleError.refused("no emergency \(self)")
        }
        let names = found.sorted { $0.id < $1.id }.map(Self.describe).joined(separator: "; ")
        throw RuleError.invalid("emergency \(self) is ambiguous: \(names); name one by its number or pd#N")
    }

    /// `320700 (PagerDuty #320700 PT4KHLK, ticket 320624, triggered)`.
    static func describe(_ e: Emergency) -> String {
        var parts: [String] = []
        if let n = e.incidentNumber { parts.append("PagerDuty #\(n)" + (e.incidentId.map { " \($0)" } ?? "")) }
        parts.append(e.ticket.map { "ticket \($0)" } ?? "no ticket")
        parts.append(e.state.rawValue)
        return "\(e.id) (\(parts.joined(separator: ", ")))"
    }
}
