import Foundation

extension HandoffReport {
    /// One audit event as a plain sentence for the next manager ("Ada acknowledged escalation 4104").
    /// `text` cleans and escapes anything that came from a record or a person (names, notes, reasons).
    static func sentence(_ e: AuditEvent, _ text: (String) -> String) -> String {
        let who = text(e.actor)
        let id = e.target.id
        /// The value after `key=` in the "after" summary ("state=assigned owner=bob" -> "bob").
        func value(_ key: String) -> String? {
            guard let after = e.after, let range = after.range(of: key + "=") else { return nil }
            let rest = after[range.upperBound...]
            // Names hold spaces: the value runs to the next " key=" or the end.
            if let next = rest.range(of: #" [a-z_]+="#, options: .regularExpression) {
                return String(rest[..<next.lowerBound])
            }
            return String(rest)
        }
        func named(_ key: String) -> String { value(key).map(text) ?? "nobody" }
        let note = e.note.map { ": " + text($0) } ?? ""
        switch e.verb {
        case "escalation.add": return "\(who) added escalation \(id)"
        case "escalation.ack": return "\(who) acknowledged escalation \(id)"
        case "escalation.assign": return "\(who) assigned escalation \(id) to \(named("owner"))"
        case "escalation.resolve":
            let labels = value("labels").map { " (" + text($0) + ")" } ?? ""
            return "\(who) resolved escalation \(id)\(labels)\(note)"
        case "escalation.reject": return "\(who) rejected escalation \(id)\(note)"
        case "escalation.trigger": return "\(who) triggered emergency \(named("emergency")) from escalation \(id)"
        case "escalation.unack": return "\(who) took back the acknowledgement of escalation \(id)"
        case "escalation.unassign": return "\(who) took the owner off escalation \(id)"
        case "emergency.add": return "\(who) recorded emergency \(id)"
        case "emergency.trigger": return "\(who) paged emergency \(id)"
        case "emergency.ack": return "\(who) recorded that \(named("engineer")) acknowledged emergency \(id)"
        case "emergency.lead": return "\(who) took the lead of emergency \(id)"
        case "emergency.staff": return "\(who) put \(named("engineer")) on emergency \(id)"
        case "emergency.handoff": return "\(who) handed emergency \(id) off to \(named("lead"))\(note)"
        case "emergency.resolve": return "\(who) resolved emergency \(id)"
        case "emergency.flag":
            return value("compromised") == "true"
                ? "\(who) flagged emergency \(id) as a compromised instance"
                : "\(who) cleared the compromised flag on emergency \(id)"
        case "emergency.checklist": return "\(who) updated the recovery checklist of emergency \(id) (\(text(e.after ?? "")))"
        case "emergency.unack": return "\(who) took back the acknowledgement of emergency \(id)"
        case "emergency.unlead": return "\(who) gave the lead of emergency \(id) back to \(named("lead"))"
        case "emergency.unstaff": return "\(who) took the engineer off emergency \(id)"
        case "ticket.add": return "\(who) added ticket \(id)"
        case "ticket.reply": return "\(who) recorded the first reply on ticket \(id)"
        case "upgrade.add": return "\(who) added upgrade request \(id)"
        case "upgrade.assign": return "\(who) assigned upgrade request \(id) to \(named("engineer"))"
        case "upgrade.reschedule": return "\(who) rescheduled upgrade request \(id) (\(text(e.after ?? "")))"
        case "upgrade.done": return "\(who) marked upgrade request \(id) done"
        case "notice.add": return "\(who) posted a notice (\(text(e.after ?? "")))"
        case "notice.clear": return "\(who) cleared notice \(id)"
        default:
            if e.verb.hasPrefix("rota.") { return "\(who) changed the rota (\(text(e.after ?? "")))\(note)" }
            var line = "\(who): \(text(e.verb)) \(e.target)"
            if let after = e.after { line += " (\(text(after)))" }
            return line + note
        }
    }
}
