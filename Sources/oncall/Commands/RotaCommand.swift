import ArgumentParser
import Foundation
import OnCallRules

/// `oncall rota [--json]` and `oncall rota add`: who is on call, and when.
struct RotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota", abstract: "Show or add manager on-call shifts (covers included).",
        subcommands: [List.self, Add.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The rota from a day ago to a week ahead.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try reportingFailures {
                let context = try Context(global)
                let now = context.now
                let board = try context.openExistingStore().loadBoard(now: now)
                let overview = Overview.make(from: board, config: context.config)
                let current = overview.onCall(at: now)
                let next = overview.nextManager(after: now)
                let entries = board.rota.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
                if json {
                    print(
                        JSONValue.object([
                            ("now", .time(now)),
                            ("on_call", current.map { .string($0.name) } ?? .null),
                            ("next", next.map { .string($0.name) } ?? .null),
                            ("entries", .array(entries.map { entry($0, current: current) })),
                        ]).serialized())
                    return
                }
                let utc = TimeZone(identifier: "UTC")!
                var table = TextTable()
                for e in entries {
                    table.add([
                        e.id == current?.id ? "*" : " ", ISOTime.short(e.start, zone: utc, withDay: true),
                        "-> " + ISOTime.short(e.end, zone: utc, withDay: true), e.region?.rawValue ?? "-",
                        StatusText.safe(e.name),
                        e.kind == .cover ? "cover" + (e.covering.map { " for \(StatusText.safe($0))" } ?? "") : "",
                        StatusText.safe(e.note ?? ""),
                    ])
                }
                print(table.rows.isEmpty ? "no rota entries from a day ago to a week ahead" : table.render(indent: ""))
                if let next { print("next manager: \(StatusText.safe(next.name))") }
            }
        }

        func entry(_ e: RotaEntry, current: RotaEntry?) -> JSONValue {
            .object([
                ("id", .int(e.id)), ("name", .string(e.name)), ("region", .optional(e.region?.rawValue)),
                ("start", .time(e.start)), ("end", .time(e.end)), ("kind", .string(e.kind.rawValue)),
                ("covering", .optional(e.covering)), ("note", .optional(e.note)), ("source", .string(e.source)),
                ("on_call_now", .bool(e.id == current?.id)),
            ])
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a shift.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The manager's name.", transform: Parse.text) var name: String
        @Option(help: "AMER, EMEA or APAC.") var region: Region
        @Option(help: "Shift start (ISO-8601).", transform: Parse.time) var from: Date
        @Option(help: "Shift end (ISO-8601).", transform: Parse.time) var to: Date

        func run() throws {
            try perform(global) { _ in
                .addRota(RotaEntry(id: 0, name: name, region: region, start: from, end: to))
            }
        }
    }
}

/// `oncall cover`: someone covers part of a shift.
struct Cover: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record that a manager covers part of a shift (e.g. while you are on a customer call).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Who covers.", transform: Parse.text) var by: String
    @Option(help: "Cover start (default now).", transform: Parse.time) var from: Date?
    @Option(help: "Cover end.", transform: Parse.time) var to: Date
    @Option(name: .customLong("for"), help: "Whose shift (default: whoever is on call then).", transform: Parse.text)
    var covering: String?
    @Option(help: "A note.", transform: Parse.text) var note: String?

    func run() throws {
        try perform(global) { context in
            .addCover(
                RotaEntry(
                    id: 0, name: by, region: nil, start: from ?? context.now, end: to, kind: .cover, covering: covering,
                    note: note))
        }
    }
}
