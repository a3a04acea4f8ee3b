import ArgumentParser
import Foundation
import OnCallRules

/// `oncall log`: the audit trail, newest first.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the audit trail, newest first.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (an array).") var json = false
    @Option(help: "How many events (1 to 100000).") var limit: Int = 50

    func validate() throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 100000, got \(limit)") }
    }

    func run() throws {
        try reportingFailures {
            let context = try Context(global)
            let events = try context.openExistingStore().auditLog(limit: limit)
            if json {
                print(JSONValue.array(events.map(Log.json)).serialized())
                return
            }
            let utc = TimeZone(identifier: "UTC")!
            var table = TextTable()
            for e in events {
                var change = ""
                if e.before != nil || e.after != nil { change = "\(e.before ?? "-") -> \(e.after ?? "-")" }
                table.add([
                    ISOTime.short(e.at, zone: utc, withDay: true), StatusText.safe(e.actor), e.verb, e.target.description,
                    StatusText.safe(change), StatusText.safe(e.note.map { "note: \($0)" } ?? ""),
                ])
            }
            print(table.rows.isEmpty ? "the audit log is empty" : table.render(indent: ""))
        }
    }

    static func json(_ e: AuditEvent) -> JSONValue {
        .object([
            ("id", .optional(e.id)), ("at", .time(e.at)), ("actor", .string(e.actor)), ("verb", .string(e.verb)),
            ("target_kind", .string(e.target.kind.rawValue)), ("target_id", .int(e.target.id)),
            ("before", .optional(e.before)), ("after", .optional(e.after)), ("note", .optional(e.note)),
        ])
    }
}
