import Foundation
import Testing

@testable import OnCallRules

@Suite("Emergency commands")
struct EmergencyCommandTests {
    static let paged = utc("2026-02-09T16:10:00Z")
    static let now = utc("2026-02-09T16:30:00Z")

    /// EMEA emma 08-16, AMER alice 16-24, APAC kenji 00-08; frank covers alice 17-19 (ends mid-shift).
    static let rota: [RotaEntry] = [
        RotaEntry(
            id: 1, name: "emma", region: .emea, start: utc("2026-02-09T08:00:00Z"), end: utc("2026-02-09T16:00:00Z")),
        RotaEntry(
            id: 2, name: "alice", region: .amer, start: utc("2026-02-09T16:00:00Z"), end: utc("2026-02-10T00:00:00Z")),
        RotaEntry(
            id: 3, name: "kenji", region: .apac, start: utc("2026-02-10T00:00:00Z"), end: utc("2026-02-10T08:00:00Z")),
        RotaEntry(
            id: 4, name: "frank", region: .amer, start: utc("2026-02-09T17:00:00Z"), end: utc("2026-02-09T19:00:00Z"),
            kind: .cover, covering: "alice"),
    ]

    static func board(
        _ state: EmergencyState = .triggered, engineer: String? = "ed", lead: String? = nil, compromised: Bool = false,
        rota: [RotaEntry] = rota
    ) -> Board {
        var e = Emergency(
            id: 123_456, ticket: 123_456, title: "Instance down", customer: "Acme", pagedAt: paged, engineer: engineer,
            lead: lead, state: state, compromised: compromised)
        if state != .triggered { e.engineerAcknowledgedAt = utc("2026-02-09T16:12:00Z") }
        if state == .resolved { e.resolvedAt = utc("2026-02-09T16:20:00Z") }
        return Board(emergencies: [e], rota: rota)
    }

    @Test func acknowledgeWithTheKnownEngineer() throws {
        let outcome = try run(.acknowledgeEmergency(id: 123_456, engineer: nil), on: Self.board(), at: Self.now)
        let e = try #require(outcome.emergency)
        #expect(e.state == .acknowledged && e.engineer == "ed" && e.engineerAcknowledgedAt == Self.now)
        #expect(outcome.audit.map(\.verb) == ["emergency.ack"])
        #expect(outcome.audit.first?.before == "state=triggered engineer=ed")
        #expect(outcome.audit.first?.after == "state=acknowledged engineer=ed")
    }

    @Test func acknowledgeNamesTheEngineer() throws {
        let outcome = try run(
            .acknowledgeEmergency(id: 123_456, engineer: "fay"), on: Self.board(engineer: nil), at: Self.now)
        #expect(outcome.emergency?.engineer == "fay")
    }

    @Test func lead() throws {
        let outcome = try run(.leadEmergency(id: 123_456), on: Self.board(lead: "bob"), at: Self.now)
        #expect(outcome.emergency?.lead == "alice")
        #expect(outcome.audit.first?.before == "lead=bob" && outcome.audit.first?.after == "lead=alice")
    }

    @Test(arguments: [String?.none, "ed2"])
    func staff(_ previous: String?) throws {
        let outcome = try run(
            .staffEmergency(id: 123_456, engineer: "gil"), on: Self.board(engineer: previous), at: Self.now)
        #expect(outcome.emergency?.engineer == "gil")
        #expect(outcome.audit.first?.before == "engineer=\(previous ?? "none")")
    }

    @Test(arguments: [EmergencyState.triggered, .acknowledged])
    func resolve(_ from: EmergencyState) throws {
        let outcome = try run(.resolveEmergency(id: 123_456), on: Self.board(from), at: Self.now)
        #expect(outcome.emergency?.state == .resolved && outcome.emergency?.resolvedAt == Self.now)
        #expect(outcome.audit.map(\.verb) == ["emergency.resolve"])
    }

    struct HandoffCase: Sendable, CustomTestStringConvertible {
        var name: String
        var now: String
        var lead: String?
        var to: String?
        var expected: String
        var testDescription: String { name }
    }

    static let handoffs: [HandoffCase] = [
        HandoffCase(
            name: "default is the cover that starts next", now: "2026-02-09T16:30:00Z", lead: "alice", to: nil,
            expected: "frank"),
        HandoffCase(
            name: "during the cover, the covered shift resumes next", now: "2026-02-09T17:30:00Z", lead: "frank",
            to: nil, expected: "alice"),
        HandoffCase(
            name: "after the cover, the next region", now: "2026-02-09T19:30:00Z", lead: "alice", to: nil,
            expected: "kenji"),
        HandoffCase(
            name: "named target wins", now: "2026-02-09T16:30:00Z", lead: "alice", to: " hana ", expected: "hana"),
        HandoffCase(name: "no lead yet", now: "2026-02-09T16:30:00Z", lead: nil, to: nil, expected: "frank"),
    ]

    @Test(arguments: handoffs)
    func handOff(_ c: HandoffCase) throws {
        let now = utc(c.now)
        let outcome = try run(
            .handOffEmergency(id: 123_456, to: c.to, note: "Customer restoring backup; call at 18:00"),
            on: Self.board(.acknowledged, lead: c.lead), at: now)
        let e = try #require(outcome.emergency)
        #expect(e.lead == c.expected)
        #expect(
            e.handoffs == [
                Handoff(from: c.lead, to: c.expected, at: now, note: "Customer restoring backup; call at 18:00")
            ])
        let event = try #require(outcome.audit.first)
        #expect(outcome.audit.count == 1)
        #expect(event.verb == "emergency.handoff" && event.note == "Customer restoring backup; call at 18:00")
        #expect(event.before == "lead=\(c.lead ?? "none")" && event.after == "lead=\(c.expected)")
    }

    @Test func flagAndTickTheChecklist() throws {
        var board = Self.board(.acknowledged)
        let flagged = try run(.flagEmergency(id: 123_456, compromised: true), on: board, at: Self.now)
        #expect(flagged.emergency?.compromised == true)
        #expect(flagged.audit.map(\.verb) == ["emergency.flag"])
        board.apply(flagged.changes)
        let second = try run(.tickChecklist(id: 123_456, item: "audit-users", done: true), on: board, at: Self.now)
        board.apply(second.changes)
        let first = try run(.tickChecklist(id: 123_456, item: "restore-backup", done: true), on: board, at: Self.now)
        #expect(first.emergency?.checklistDone == ["restore-backup", "audit-users"])
        #expect(first.audit.first?.before == "restore-backup=open" && first.audit.first?.after == "restore-backup=done")
        board.apply(first.changes)
        let untick = try run(.tickChecklist(id: 123_456, item: "audit-users", done: false), on: board, at: Self.now)
        #expect(untick.emergency?.checklistDone == ["restore-backup"])
    }

    @Test func checklistHasTheHandbookSteps() {
        #expect(
            CompromisedChecklist.items.map(\.id) == [
                "restore-backup", "upgrade", "audit-users", "audit-code", "audit-webhooks", "audit-runners",
                "audit-settings",
            ])
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var command: Command
        var board: Board
        var error: RuleError
        var now: String = "2026-02-09T16:30:00Z"
        var testDescription: String { error.description }
    }

    static let lastShift = [
        RotaEntry(
            id: 1, name: "alice", region: .amer, start: utc("2026-02-09T16:00:00Z"), end: utc("2026-02-10T00:00:00Z"))
    ]

    static let refusals: [Refusal] = [
        Refusal(
            command: .acknowledgeEmergency(id: 123_456, engineer: nil), board: board(.acknowledged),
            error: .refused("emergency 123456 is already acknowledged by ed at 16:12 UTC")),
        Refusal(
            command: .acknowledgeEmergency(id: 123_456, engineer: nil), board: board(engineer: nil),
            error: .invalid("--engineer: emergency 123456 has no engineer; name who acknowledged the page")),
        Refusal(
            command: .acknowledgeEmergency(id: 123_456, engineer: " "), board: board(),
            error: .invalid("--engineer: an engineer name cannot be blank")),
        Refusal(
            command: .acknowledgeEmergency(id: 1, engineer: "ed"), board: board(),
            error: .notFound(RecordRef(.emergency, 1))),
        Refusal(
            command: .acknowledgeEmergency(id: 123_456, engineer: "ed"), board: board(.resolved),
            error: .refused("emergency 123456 is already resolved at 16:20 UTC")),
        Refusal(
            command: .leadEmergency(id: 123_456), board: board(lead: "alice"),
            error: .refused("emergency 123456 is already led by alice")),
        Refusal(
            command: .leadEmergency(id: 123_456), board: board(.resolved),
            error: .refused("emergency 123456 is already resolved at 16:20 UTC")),
        Refusal(
            command: .staffEmergency(id: 123_456, engineer: "ed"), board: board(),
            error: .refused("ed is already the engineer on emergency 123456")),
        Refusal(
            command: .staffEmergency(id: 123_456, engineer: ""), board: board(),
            error: .invalid("--engineer: staffing needs the engineer's name")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: "bob", note: "  "), board: board(),
            error: .invalid("--note: a hand-off needs a note")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: " ", note: "n"), board: board(),
            error: .invalid("--to: the manager to hand off to cannot be blank")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: "bob", note: "n"), board: board(lead: "bob"),
            error: .refused("bob already leads emergency 123456; hand off to someone else with --to")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: nil, note: "n"), board: board(lead: "frank"),
            error: .refused("frank already leads emergency 123456; hand off to someone else with --to")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: nil, note: "n"), board: board(rota: []),
            error: .refused("no next manager on the rota after 16:30 UTC: name one with --to")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: nil, note: "n"), board: board(rota: lastShift),
            error: .refused("no next manager on the rota after 2026-02-10 00:00 UTC: name one with --to")),
        Refusal(
            command: .handOffEmergency(id: 123_456, to: "bob", note: "n"), board: board(.resolved),
            error: .refused("emergency 123456 is already resolved at 16:20 UTC")),
        Refusal(
            command: .resolveEmergency(id: 123_456), board: board(.resolved),
            error: .refused("emergency 123456 is already resolved at 16:20 UTC")),
        Refusal(
            command: .flagEmergency(id: 123_456, compromised: true), board: board(compromised: true),
            error: .refused("emergency 123456 is already flagged as a compromised instance")),
        Refusal(
            command: .flagEmergency(id: 123_456, compromised: false), board: board(),
            error: .refused("emergency 123456 is not flagged as a compromised instance")),
        Refusal(
            command: .tickChecklist(id: 123_456, item: "restore-backup", done: true), board: board(),
            error: .refused("emergency 123456 is not flagged as a compromised instance; flag it first")),
        Refusal(
            command: .tickChecklist(id: 123_456, item: "reboot", done: true), board: board(compromised: true),
            error: .invalid(
                "unknown checklist item 'reboot': one of restore-backup, upgrade, audit-users, audit-code, "
                    + "audit-webhooks, audit-runners, audit-settings")),
        Refusal(
            command: .tickChecklist(id: 123_456, item: "upgrade", done: false), board: board(compromised: true),
            error: .refused("checklist item upgrade on emergency 123456 is already unticked")),
        Refusal(
            command: .addEmergency(Emergency(id: 123_456, title: "again", pagedAt: paged)), board: board(),
            error: .refused("emergency 123456 already exists")),
        Refusal(
            command: .addEmergency(Emergency(id: 7, title: "\t", pagedAt: paged)), board: board(),
            error: .invalid("--title: an emergency needs a title")),
    ]

    @Test(arguments: refusals)
    func refused(_ r: Refusal) {
        #expect(throws: r.error) { try run(r.command, on: r.board, at: utc(r.now)) }
    }

    @Test func addEmergency() throws {
        let outcome = try run(
            .addEmergency(Emergency(id: 555_555, title: "502s", pagedAt: Self.paged)), on: Board(), at: Self.now)
        #expect(outcome.emergency?.id == 555_555)
        #expect(outcome.audit.map(\.verb) == ["emergency.add"])
    }
}
