import Foundation
import OnCallRules

/// What every imported record must satisfy before it is merged, whatever the vendor sent: an id a CLI verb can
/// address (positive), and text a screen can afford. Each fix or refusal is a warning naming the record.
enum ImportSanitizer {
    /// The most characters one imported text field keeps: the CLI's own limit for typed text.
    static let textLimit = 10_000

    static func sanitized(_ batch: ImportBatch) -> ImportBatch {
        var batch = batch
        var warnings = batch.warnings
        var skipped = 0

        batch.tickets = batch.tickets.compactMap { item in
            var item = item
            let name = "ticket \(item.ticket.id)"
            guard item.ticket.id > 0 else {
                refuse(name, &warnings, &skipped)
                return nil
            }
            clean(&item.ticket.subject, "subject", of: name, &warnings)
            clean(&item.ticket.organization, "organization", of: name, &warnings)
            clean(&item.ticket.assignee, "assignee", of: name, &warnings)
            return item
        }
        batch.incidents = batch.incidents.compactMap { observation in
            var observation = observation
            // Keyed by the incident id (issue 17); its number is the emergency's number when new.
            let name = "incident \(observation.number)"
            guard observation.number > 0, observation.ticket.map({ $0 > 0 }) ?? true else {
                refuse(name, &warnings, &skipped)
                return nil
            }
            clean(&observation.title, "title", of: name, &warnings)
            clean(&observation.engineer, "engineer", of: name, &warnings)
            clean(&observation.incidentId, "id", of: name, &warnings)
            clean(&observation.serviceId, "service id", of: name, &warnings)
            clean(&observation.serviceName, "service", of: name, &warnings)
            return observation
        }
        batch.escalations = batch.escalations.compactMap { escalation in
            var escalation = escalation
            let name = "escalation \(escalation.id)"
            guard escalation.id > 0 else {
                refuse(name, &warnings, &skipped)
                return nil
            }
            clean(&escalation.title, "title", of: name, &warnings)
            clean(&escalation.customer, "customer", of: name, &warnings)
            clean(&escalation.owner, "owner", of: name, &warnings)
            clean(&escalation.project, "project", of: name, &warnings)
            for index in escalation.labels.indices {
                clean(&escalation.labels[index], "label", of: name, &warnings)
            }
            return escalation
        }
        batch.rota = batch.rota.map { entry in
            var entry = entry
            let name = "rota entry for \(entry.name.prefix(40))"
            clean(&entry.name, "name", of: name, &warnings)
            clean(&entry.covering, "covering", of: name, &warnings)
            clean(&entry.note, "note", of: name, &warnings)
            return entry
        }
        batch.skipped += skipped
        batch.warnings = warnings
        return batch
    }

    /// Ids 0 and below cannot be named by any CLI verb (`oncall escalation ack 0` is refused), so such a
    /// record is not imported.
    private static func refuse(_ name: String, _ warnings: inout ImportWarnings, _ skipped: inout Int) {
        warnings.add("\(name): the id must be a positive number; skipped")
        skipped += 1
    }

    private static func clean(_ text: inout String?, _ field: String, of name: String, _ warnings: inout ImportWarnings) {
        guard var value = text else { return }
        clean(&value, field, of: name, &warnings)
        text = value
    }

    /// NUL becomes U+FFFD (SQLite's C strings would end the text there, so the stored text would differ from
    /// the imported one on every re-import); past `textLimit` characters the text ends in an ellipsis.
    static func clean(_ text: inout String, _ field: String, of name: String, _ warnings: inout ImportWarnings) {
        if text.utf8.contains(0) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
            warnings.add("\(name): NUL characters in the \(field) replaced by U+FFFD")
        }
        // utf8.count first: cheap, and no text under the limit in bytes can be over it in characters.
        guard text.utf8.count > textLimit, text.count > textLimit else { return }
        let length = text.count
        text = String(text.prefix(textLimit - 1)) + "…"
        warnings.add("\(name): the \(field) was \(length) characters; cut to \(textLimit)")
    }
}
