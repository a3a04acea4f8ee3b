import ArgumentParser
import Foundation
import OnCallDemo
import OnCallRules
import OnCallStore

/// `oncall demo`: fill the store with a believable shift, times relative to now.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill the store with a realistic demo shift.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Delete the store first (everything in it is lost).") var reset = false

    func run() throws {
        try reportingFailures {
            let context = try Context(global)
            if reset { try Demo.removeStore(at: context.storePath) }
            let store = try context.openStore()
            let existing = try store.loadBoard(all: true, now: context.now)
            guard Demo.isEmpty(existing) else {
                throw CLIError("store \(context.storePath) already holds records; use `oncall demo --reset` to replace them")
            }
            let outcome = try Demo.load(into: store, now: context.now)
            CleanOutput.line("demo shift written to \(context.storePath): \(outcome.message)")
        }
    }

    static func isEmpty(_ b: Board) -> Bool {
        b.tickets.isEmpty && b.escalations.isEmpty && b.emergencies.isEmpty && b.rota.isEmpty && b.upgrades.isEmpty
            && b.notices.isEmpty
    }

    /// Removes the store file and its WAL companions.
    static func removeStore(at path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do { try FileManager.default.removeItem(atPath: path + suffix) } catch {
                throw CLIError("cannot remove \(path + suffix): \(error.localizedDescription)")
            }
        }
    }

    /// Writes the demo records in one transaction, one audit event per record.
    @discardableResult
    static func load(into store: Store, now: Date) throws -> Outcome {
        let board = DemoShift.records(now: now)
        var changes: [Change] = []
        changes += board.tickets.map(Change.ticket)
        changes += board.escalations.map(Change.escalation)
        changes += board.emergencies.map(Change.emergency)
        changes += board.rota.map(Change.rota)
        changes += board.upgrades.map(Change.upgrade)
        changes += board.notices.map(Change.notice)
        let audit = changes.map { AuditEvent(at: now, actor: "demo", verb: "demo.add", target: $0.ref) }
        let message =
            "\(board.emergencies.count) emergencies, \(board.escalations.count) escalations, \(board.tickets.count) tickets, "
            + "\(board.rota.count) rota entries, \(board.upgrades.count) upgrade requests, \(board.notices.count) notices"
        return try store.perform { _ in Outcome(changes: changes, audit: audit, message: message) }
    }
}
