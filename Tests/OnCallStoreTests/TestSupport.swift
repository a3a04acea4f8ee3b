import Foundation
import OnCallRules
import Testing

@testable import OnCallStore

/// A fresh temporary directory, removed (permissions restored first) when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/oncall-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The store file path inside the directory.
    var store: String { path + "/oncall.sqlite" }

    func file(_ name: String) -> String { path + "/" + name }

    deinit {
        // Tests make files and directories read-only; give write back before removing.
        if let walker = FileManager.default.enumerator(atPath: path) {
            for case let item as String in walker { chmod(path + "/" + item, 0o700) }
        }
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Fixed instants, whole milliseconds (the store keeps millisecond precision).
enum When {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }
}

/// Small records and outcomes built by hand: these tests do not depend on the rules' `Command.apply`.
/// The v1 fixture (`Fixtures/schema-v1.sql`) was written from these samples: keep them as they are.
enum Sample {
    static func ticket(_ id: Int64, replied: Bool = false, status: TicketStatus = .open) -> Ticket {
        Ticket(
            id: id, subject: "Ticket \(id) — café ☕", organization: id % 3 == 0 ? nil : "Org \(id)",
            plan: .priority, priority: .high, status: status, createdAt: When.at(-Double(id)),
            firstReplyAt: replied ? When.at(-1) : nil, region: .emea, assignee: "erin", slaBreachAt: nil,
            slaPaused: false, sourceUpdatedAt: When.at(-2))
    }

    static func escalation(_ id: Int64, state: EscalationState = .new) -> Escalation {
        Escalation(
            id: id, ticket: 1000 + id, title: "Escalation \(id)", customer: "ACME", urgency: .urgent, state: state,
            announcedAt: When.at(-30), acknowledgedBy: state == .new ? nil : "bob",
            acknowledgedAt: state == .new ? nil : When.at(-20), owner: state == .assigned ? "carol" : nil,
            labels: ["Escalation::License-Issue", "ünïcode"])
    }

    static func emergency(_ id: Int64, state: EmergencyState = .triggered) -> Emergency {
        Emergency(
            id: id, ticket: id, title: "Emergency \(id)", customer: "Globex", pagedAt: When.at(-12), engineer: "dave",
            lead: "alice", state: state,
            handoffs: [Handoff(from: "alice", to: "bob", at: When.at(-5), note: "end of shift")],
            incidentId: "PT4KHLK", incidentNumber: 42, compromised: true, checklistDone: ["rotate-tokens"])
    }

    static func rota(_ id: Int64, name: String, startHours: Double, hours: Double = 8) -> RotaEntry {
        RotaEntry(
            id: id, name: name, region: .apac, start: When.at(startHours * 60), end: When.at((startHours + hours) * 60))
    }

    static func upgrade(_ id: Int64, done: Bool = false) -> UpgradeRequest {
        UpgradeRequest(
            id: id, customer: "Initech", scheduledAt: When.at(600), requestedAt: When.at(-600), rescheduledAt: When.at(-300),
            done: done)
    }

    static func notice(_ id: Int64, cleared: Bool = false) -> Notice {
        Notice(
            id: id, title: "Security incident \(id)", cmoc: "frank", since: When.at(-60),
            clearedAt: cleared ? When.at(-1) : nil, clearedBy: cleared ? "frank" : nil)
    }

    static func event(_ ref: RecordRef, verb: String = "test.write", minutes: Double = 0) -> AuditEvent {
        AuditEvent(at: When.at(minutes), actor: "tester", verb: verb, target: ref, before: "a", after: "b", note: "n")
    }

    /// An outcome writing the changes, with one audit event each.
    static func outcome(_ changes: [Change], minutes: Double = 0) -> Outcome {
        Outcome(changes: changes, audit: changes.map { event($0.ref, minutes: minutes) }, message: "test")
    }
}

extension Store {
    /// Writes the changes as one command.
    @discardableResult
    func write(_ changes: [Change], minutes: Double = 0) throws -> Outcome {
        try perform { _ in Sample.outcome(changes, minutes: minutes) }
    }
}

/// The file's bytes, to prove a failed open or write left it untouched.
func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

func mode(_ path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o777
}

/// The SQL dumps of released schemas in `Fixtures/` (`schema-v1`, `schema-v2`).
enum SchemaFixture {
    static func sql(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "sql", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }
}
