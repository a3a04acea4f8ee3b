import Foundation
import Testing

@testable import OnCallRules

@Suite("Ticket, rota, cover, upgrade and notice commands")
struct OtherCommandTests {
    static let now = utc("2026-02-09T16:30:00Z")
    static let ticket = Ticket(
        id: 500, subject: "Pipeline slow", organization: "Acme", createdAt: utc("2026-02-09T15:00:00Z"))
    static let upgrade = UpgradeRequest(
        id: 77, customer: "Acme", scheduledAt: utc("2026-02-20T18:00:00Z"), requestedAt: utc("2026-02-02T18:00:00Z"),
        engineer: "ed")
    static let notice = Notice(id: 3, title: "Credential leak", cmoc: "cara", since: utc("2026-02-09T15:00:00Z"))
    static let board = Board(
        tickets: [ticket], rota: EmergencyCommandTests.rota, upgrades: [upgrade], notices: [notice])

    @Test func addAndReplyTicket() throws {
        var added = Self.ticket
        added.id = 501
        let outcome = try run(.addTicket(added), on: Self.board, at: Self.now)
        #expect(outcome.ticket?.id == 501 && outcome.audit.map(\.verb) == ["ticket.add"])
        let reply = try run(.replyTicket(id: 500, at: nil), on: Self.board, at: Self.now)
        #expect(reply.ticket?.firstReplyAt == Self.now)
        #expect(reply.audit.first?.verb == "ticket.reply" && reply.audit.first?.after == "first_reply=16:30 UTC")
    }

    @Test func addRotaTakesTheNextId() throws {
        let entry = RotaEntry(
            id: 0, name: " hana ", region: .apac, start: utc("2026-02-10T00:00:00Z"), end: utc("2026-02-10T08:00:00Z"))
        let outcome = try run(.addRota(entry), on: Self.board, at: Self.now)
        let added = try #require(outcome.rota)
        #expect(added.id == 5 && added.name == "hana" && added.kind == .shift)
        #expect(outcome.audit.map(\.verb) == ["rota.shift"])
    }

    @Test func addCover() throws {
        let entry = RotaEntry(
            id: 0, name: "olga", region: .amer, start: Self.now, end: utc("2026-02-09T18:00:00Z"), covering: "alice",
            note: "customer call")
        let outcome = try run(.addCover(entry), on: Self.board, at: Self.now)
        #expect(outcome.rota?.kind == .cover && outcome.rota?.covering == "alice")
        #expect(outcome.audit.first?.verb == "rota.cover" && outcome.audit.first?.note == "customer call")
        #expect(outcome.message == "olga covers for alice 16:30 UTC to 18:00 UTC")
    }

    @Test func upgradeLifecycle() throws {
        var board = Self.board
        let assigned = try run(.assignUpgrade(id: 77, engineer: "fay"), on: board, at: Self.now)
        let u = try #require(assigned.upgrade)
        #expect(u.engineer == "fay" && u.previousEngineer == "ed" && u.engineerChangedAt == Self.now)
        #expect(assigned.audit.first?.before == "engineer=ed" && assigned.audit.first?.after == "engineer=fay")
        board.apply(assigned.changes)
        let moved = try run(
            .rescheduleUpgrade(id: 77, scheduledAt: utc("2026-02-24T18:00:00Z")), on: board, at: Self.now)
        #expect(moved.upgrade?.scheduledAt == utc("2026-02-24T18:00:00Z"))
        #expect(moved.audit.first?.verb == "upgrade.reschedule")
        #expect(moved.upgrade?.rescheduledAt == Self.now)
        board.apply(moved.changes)
        let done = try run(.completeUpgrade(id: 77), on: board, at: Self.now)
        #expect(done.upgrade?.done == true && done.audit.first?.verb == "upgrade.done")
        let added = try run(
            .addUpgrade(
                UpgradeRequest(
                    id: 78, customer: "Beta", scheduledAt: utc("2026-02-14T18:00:00Z"), requestedAt: Self.now)),
            on: board, at: Self.now)
        #expect(added.message == "upgrade 78 added (outside-hours, short-notice)")
    }

    @Test func noticeLifecycle() throws {
        let added = try run(
            .addNotice(Notice(id: 0, kind: "security", title: "Token exposure", since: Self.now)), on: Self.board,
            at: Self.now)
        #expect(added.notice?.id == 4 && added.audit.first?.verb == "notice.add")
        let cleared = try run(.clearNotice(id: 3), on: Self.board, at: Self.now)
        #expect(cleared.notice?.clearedAt == Self.now && cleared.notice?.clearedBy == "alice")
        #expect(cleared.audit.first?.verb == "notice.clear")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var command: Command
        var error: RuleError
        var testDescription: String { error.description }
    }

    static let refusals: [Refusal] = [
        Refusal(command: .addTicket(ticket), error: .refused("ticket 500 already exists")),
        Refusal(
            command: .addTicket(Ticket(id: 9, subject: " ", createdAt: now)),
            error: .invalid("--subject: a ticket needs a subject")),
        Refusal(command: .replyTicket(id: 9, at: nil), error: .notFound(RecordRef(.ticket, 9))),
        Refusal(
            command: .replyTicket(id: 500, at: utc("2026-02-09T14:00:00Z")),
            error: .invalid("--at: ticket 500 was created at 15:00 UTC, a reply cannot be earlier")),
        Refusal(
            command: .addRota(RotaEntry(id: 0, name: "x", region: nil, start: now, end: now)),
            error: .invalid("--to: a shift must end after it starts (16:30 UTC to 16:30 UTC)")),
        Refusal(
            command: .addRota(RotaEntry(id: 0, name: "", region: nil, start: now, end: now.addingTimeInterval(60))),
            error: .invalid("a shift needs the manager's name")),
        Refusal(
            command: .addCover(RotaEntry(id: 0, name: " ", region: nil, start: now, end: now.addingTimeInterval(60))),
            error: .invalid("--by: a cover needs the name of who covers")),
        Refusal(
            command: .addCover(
                RotaEntry(id: 0, name: "olga", region: nil, start: now, end: now.addingTimeInterval(-60))),
            error: .invalid("--to: a cover must end after it starts (16:30 UTC to 16:29 UTC)")),
        Refusal(
            command: .addCover(
                RotaEntry(
                    id: 0, name: "alice", region: nil, start: now, end: now.addingTimeInterval(60), covering: "alice")),
            error: .invalid("--for: alice cannot cover their own shift")),
        Refusal(
            command: .addRota(RotaEntry(id: 2, name: "x", region: nil, start: now, end: now.addingTimeInterval(60))),
            error: .refused("rota entry 2 already exists")),
        Refusal(command: .addUpgrade(upgrade), error: .refused("upgrade 77 already exists")),
        Refusal(
            command: .addUpgrade(UpgradeRequest(id: 79, customer: "", scheduledAt: now, requestedAt: now)),
            error: .invalid("--customer: an upgrade request needs the customer")),
        Refusal(
            command: .addUpgrade(UpgradeRequest(id: 79, customer: "C", scheduledAt: now, requestedAt: now)),
            error: .invalid("--scheduled: 16:30 UTC is not after the request (16:30 UTC)")),
        Refusal(
            command: .assignUpgrade(id: 77, engineer: "ed"), error: .refused("upgrade 77 is already assigned to ed")),
        Refusal(
            command: .assignUpgrade(id: 77, engineer: " "),
            error: .invalid("--engineer: an assignment needs the engineer's name")),
        Refusal(command: .assignUpgrade(id: 70, engineer: "ed"), error: .notFound(RecordRef(.upgrade, 70))),
        Refusal(
            command: .rescheduleUpgrade(id: 77, scheduledAt: utc("2026-02-20T18:00:00Z")),
            error: .refused("upgrade 77 is already scheduled at 2026-02-20 18:00 UTC")),
        Refusal(
            command: .addNotice(Notice(id: 3, title: "again", since: now)), error: .refused("notice 3 already exists")),
        Refusal(
            command: .addNotice(Notice(id: 0, title: "  ", since: now)),
            error: .invalid("--title: a notice needs a title")),
        Refusal(command: .clearNotice(id: 8), error: .notFound(RecordRef(.notice, 8))),
    ]

    @Test(arguments: refusals)
    func refused(_ r: Refusal) {
        #expect(throws: r.error) { try run(r.command, on: Self.board, at: Self.now) }
    }

    @Test func finalUpgradeAndNoticeRefused() throws {
        var board = Self.board
        board.upgrades[0].done = true
        board.notices[0].clearedAt = utc("2026-02-09T16:00:00Z")
        board.notices[0].clearedBy = "bob"
        #expect(throws: RuleError.refused("upgrade 77 is already done")) {
            try run(.completeUpgrade(id: 77), on: board, at: Self.now)
        }
        #expect(throws: RuleError.refused("notice 3 was already cleared by bob at 16:00 UTC")) {
            try run(.clearNotice(id: 3), on: board, at: Self.now)
        }
    }

    @Test func replyRefusedTwice() throws {
        var board = Self.board
        board.tickets[0].firstReplyAt = utc("2026-02-09T15:10:00Z")
        #expect(throws: RuleError.refused("ticket 500 already has a first reply at 15:10 UTC")) {
            try run(.replyTicket(id: 500, at: nil), on: board, at: Self.now)
        }
    }
}
