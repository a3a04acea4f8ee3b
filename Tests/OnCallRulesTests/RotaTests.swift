import Foundation
import Testing

@testable import OnCallRules

@Suite("Rota: who is on call, covers, next manager")
struct RotaTests {
    static let rota = Rota(EmergencyCommandTests.rota)

    struct Case: Sendable, CustomTestStringConvertible {
        var at: String
        var onCall: String?
        var next: String?
        var until: String?
        var testDescription: String { at }
    }

    static let cases: [Case] = [
        Case(at: "2026-02-09T09:00:00Z", onCall: "emma", next: "alice", until: "2026-02-09T16:00:00Z"),
        Case(at: "2026-02-09T16:00:00Z", onCall: "alice", next: "frank", until: "2026-02-09T17:00:00Z"),
        Case(at: "2026-02-09T17:00:00Z", onCall: "frank", next: "alice", until: "2026-02-09T19:00:00Z"),
        Case(at: "2026-02-09T18:59:00Z", onCall: "frank", next: "alice", until: "2026-02-09T19:00:00Z"),
        Case(at: "2026-02-09T19:00:00Z", onCall: "alice", next: "kenji", until: "2026-02-10T00:00:00Z"),
        Case(at: "2026-02-10T07:00:00Z", onCall: "kenji", next: nil, until: "2026-02-10T08:00:00Z"),
        Case(at: "2026-02-09T07:00:00Z", onCall: nil, next: "emma", until: nil),
    ]

    @Test(arguments: cases)
    func timeline(_ c: Case) {
        #expect(Self.rota.onCall(at: utc(c.at))?.name == c.onCall)
        #expect(Self.rota.nextManager(after: utc(c.at))?.name == c.next)
        #expect(Self.rota.stintEnd(after: utc(c.at)) == c.until.map(utc))
    }

    @Test func headerWhileCovered() throws {
        let status = try #require(Self.rota.status(at: utc("2026-02-09T17:30:00Z")))
        #expect(status.name == "frank" && status.region == .amer)
        #expect(status.cover?.id == 4 && status.covering == "alice")
        #expect(status.shift?.name == "alice" && status.shiftEnd == utc("2026-02-10T00:00:00Z"))
        #expect(status.until == utc("2026-02-09T19:00:00Z") && status.next?.name == "alice")
    }

    @Test func headerOnAShift() throws {
        let status = try #require(Self.rota.status(at: utc("2026-02-09T10:00:00Z")))
        #expect(status.name == "emma" && status.cover == nil && status.covering == nil)
        #expect(status.shiftEnd == utc("2026-02-09T16:00:00Z") && status.next?.name == "alice")
    }

    @Test func coverForWhoeverIsOnCall() {
        let entries = [
            RotaEntry(
                id: 1, name: "emma", region: .emea, start: utc("2026-02-09T08:00:00Z"), end: utc("2026-02-09T16:00:00Z")
            ),
            RotaEntry(
                id: 2, name: "olga", region: nil, start: utc("2026-02-09T10:00:00Z"), end: utc("2026-02-09T11:00:00Z"),
                kind: .cover),
        ]
        let status = Rota(entries).status(at: utc("2026-02-09T10:30:00Z"))
        #expect(status?.name == "olga" && status?.covering == "emma" && status?.region == .emea)
    }

    @Test func consecutiveShiftsOfTheSamePersonAreOneStint() {
        let entries = [
            RotaEntry(
                id: 1, name: "emma", region: .emea, start: utc("2026-02-09T08:00:00Z"), end: utc("2026-02-09T12:00:00Z")
            ),
            RotaEntry(
                id: 2, name: "emma", region: .emea, start: utc("2026-02-09T12:00:00Z"), end: utc("2026-02-09T16:00:00Z")
            ),
            RotaEntry(
                id: 3, name: "alice", region: .amer, start: utc("2026-02-09T16:00:00Z"),
                end: utc("2026-02-10T00:00:00Z")),
        ]
        let rota = Rota(entries)
        #expect(rota.nextManager(after: utc("2026-02-09T09:00:00Z"))?.name == "alice")
        #expect(rota.stintEnd(after: utc("2026-02-09T09:00:00Z")) == utc("2026-02-09T16:00:00Z"))
    }

    @Test func overviewAnswersFromItsRota() {
        let overview = Overview.make(from: Board(rota: EmergencyCommandTests.rota), config: gitlab)
        #expect(overview.onCall(at: utc("2026-02-09T17:30:00Z"))?.name == "frank")
        #expect(overview.nextManager(after: utc("2026-02-09T17:30:00Z"))?.name == "alice")
        #expect(overview.onCallStatus(at: utc("2026-02-09T17:30:00Z"))?.covering == "alice")
    }
}

extension RotaTests {
    @Test(arguments: [
        ("2026-02-09T09:00:00Z", "2026-02-09T08:00:00Z"),
        ("2026-02-09T16:30:00Z", "2026-02-09T16:00:00Z"),
        ("2026-02-09T17:30:00Z", "2026-02-09T17:00:00Z"),  // frank's cover
        ("2026-02-09T20:00:00Z", "2026-02-09T19:00:00Z"),  // alice again after the cover
        ("2026-02-09T16:00:00Z", "2026-02-09T16:00:00Z"),
    ])
    func stintStart(_ at: String, _ expected: String) {
        #expect(Self.rota.stintStart(at: utc(at)) == utc(expected))
        #expect(Self.rota.status(at: utc(at))?.since == utc(expected))
    }

    @Test func stintStartMergesSamePerson() {
        let entries = [
            RotaEntry(
                id: 1, name: "emma", region: .emea, start: utc("2026-02-09T08:00:00Z"), end: utc("2026-02-09T12:00:00Z")
            ),
            RotaEntry(
                id: 2, name: "emma", region: .emea, start: utc("2026-02-09T12:00:00Z"), end: utc("2026-02-09T16:00:00Z")
            ),
        ]
        #expect(Rota(entries).stintStart(at: utc("2026-02-09T13:00:00Z")) == utc("2026-02-09T08:00:00Z"))
        #expect(Rota(entries).stintStart(at: utc("2026-02-09T07:00:00Z")) == nil)
    }

    @Test func includeClosedKeepsClosedRecordsAfterOpenOnes() {
        let board = Board(
            escalations: [
                Escalation(
                    id: 1, title: "a", urgency: .urgent, state: .resolved, announcedAt: utc("2026-02-09T08:00:00Z")),
                Escalation(id: 2, title: "b", urgency: .urgent, announcedAt: utc("2026-02-09T09:00:00Z")),
            ],
            emergencies: [
                Emergency(id: 1, title: "a", pagedAt: utc("2026-02-09T08:00:00Z"), state: .resolved),
                Emergency(id: 2, title: "b", pagedAt: utc("2026-02-09T09:00:00Z")),
            ])
        let all = Overview.make(from: board, config: gitlab, includeClosed: true)
        #expect(all.escalations.map(\.id) == [2, 1])
        #expect(all.emergencies.map(\.id) == [2, 1])
        #expect(
            all.alerts(at: utc("2026-02-09T12:00:00Z"), config: gitlab).map(\.ref) == [
                RecordRef(.emergency, 2), RecordRef(.escalation, 2),
            ])
        let open = Overview.make(from: board, config: gitlab)
        #expect(open.escalations.map(\.id) == [2] && open.emergencies.map(\.id) == [2])
    }
}
