import Foundation
import OnCallDemo
import OnCallRules
import Testing

@testable import OnCallImport

@Suite("Bad input")
struct ErrorTests {
    static let ticket = #"{"id":5,"subject":"s","status":"open","created_at":"2026-05-07T10:00:00Z"}"#

    @Test func wrongTypeNamesFileAndPath() {
        let text =
            #"{"tickets":[\#(Self.ticket),\#(Self.ticket),\#(Self.ticket),{"id":9,"status":"open","created_at":12}]}"#
        let error = importError(text, name: "tickets.json")
        #expect(error?.description == "tickets.json: tickets[3].created_at: expected a timestamp string, found number")
    }

    @Test func missingRequiredField() {
        let error = importError(#"{"ticket":{"id":5,"status":"open"}}"#)
        #expect(error?.path == "ticket.created_at")
        #expect(error?.reason.contains("missing required field") == true)
    }

    @Test func badTimestampText() {
        let error = importError(#"{"ticket":{"id":5,"status":"open","created_at":"yesterday"}}"#)
        #expect(error?.path == "ticket.created_at" && error?.reason.contains("yesterday") == true)
    }

    @Test func idOutOfInt64Range() {
        let error = importError(
            #"{"ticket":{"id":99999999999999999999,"status":"open","created_at":"2026-05-07T10:00:00Z"}}"#)
        #expect(error?.path == "ticket.id")
        #expect(error?.reason.contains("Int64") == true)
    }

    @Test func truncatedInputAppliesNothing() throws {
        let full = Fixture.bytes("zendesk-tickets-list-offset.json")
        var board = Board()
        for cut in [10, full.count / 3, full.count / 2, full.count - 2] {
            let input = ImportInput.bytes(Array(full[..<cut]), name: "cut.json")
            do {
                let batch = try Importer.parse(input, vendor: .zendesk, settings: testSettings)
                board.apply(try ImportMerge.outcome(batch, records: board, now: now).changes)
                Issue.record("truncated input at \(cut) was accepted")
            } catch let error as ImportError {
                #expect(error.input == "cut.json")
                #expect(error.reason.contains("truncated") || error.reason.contains("malformed"), "\(error)")
                if cut > 10 && cut < full.count - 30 {
                    #expect(error.path?.hasPrefix("tickets") == true, "\(error)")
                }
            }
        }
        #expect(board.tickets.isEmpty)
    }

    @Test func malformedJSONGivesByteAndPath() {
        let error = importError(#"{"tickets":[\#(Self.ticket), {"id":6,,}]}"#)
        #expect(error?.path == "tickets[1]")
        #expect(error?.reason.contains("malformed JSON at byte") == true)
    }

    @Test func emptyAndNonJSONInput() {
        #expect(importError("   \n")?.reason.contains("empty input") == true)
        #expect(importError("hello", vendor: nil)?.reason.contains("cannot tell the vendor") == true)
        #expect(importError("hello")?.reason.contains("malformed") == true)
    }

    @Test func invalidUTF8IsAnError() {
        var bytes = Array(
            #"{"ticket":{"id":5,"subject":"ab","status":"open","created_at":"2026-05-07T10:00:00Z"}}"#.utf8)
        let i = bytes.lastIndex(of: UInt8(ascii: "b"))!
        bytes[i] = 0xFF
        do {
            _ = try Importer.parse(.bytes(bytes, name: "x"), vendor: .zendesk, settings: testSettings)
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.reason.contains("invalid UTF-8"))
            #expect(error.path == "ticket.subject")
        }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = importError(#"{"ticket":{"id":5,"x":\#(deep)}}"#)
        #expect(error?.reason.contains("nesting deeper") == true)
    }

    @Test func duplicateKeysLastWins() throws {
        var board = Board()
        try importText(
            #"{"ticket":{"id":5,"id":6,"subject":"a","status":"open","created_at":"2026-05-07T10:00:00Z"}}"#,
            vendor: .zendesk, into: &board)
        #expect(board.tickets.map(\.id) == [6])
    }

    @Test func hugeStringIsFine() throws {
        let subject = String(repeating: "x", count: 2_000_000)
        var board = Board()
        try importText(
            #"{"ticket":{"id":5,"subject":"\#(subject)","status":"open","created_at":"2026-05-07T10:00:00Z"}}"#,
            vendor: .zendesk, into: &board)
        // Parsed whole, stored capped (issue 14 item 9: no single record slows every screen).
        #expect(board.ticketOrNil(5)?.subject.count == 10_000)
    }

    @Test func escapesAndSurrogates() throws {
        var board = Board()
        try importText(
            #"{"ticket":{"id":5,"subject":"a\"b\\c\u00e9\ud83d\ude00\ud800x","status":"open","created_at":"2026-05-07T10:00:00Z"}}"#,
            vendor: .zendesk, into: &board)
        #expect(board.ticketOrNil(5)?.subject == "a\"b\\cé😀\u{FFFD}x")
    }

    /// Deterministic mutations of every sample: the parser must never trap; each result is a batch or an error.
    /// `ONCALL_FUZZ_PER_FIXTURE` raises the count (435 per fixture gives the 10,000 cases of the reliability run).
    @Test func mutationsNeverCrash() throws {
        let perFixture = ProcessInfo.processInfo.environment["ONCALL_FUZZ_PER_FIXTURE"].flatMap { Int($0) } ?? 60
        var rng = SplitMix64(seed: 42)
        var errors = 0
        var accepted = 0
        for name in MergeRulesTests.everyFixture {
            let original = Fixture.bytes(name)
            for _ in 0..<perFixture {
                let mutated = JSONMutator.mutate(original, rng: &rng)
                do {
                    let batch = try Importer.parse(.bytes(mutated, name: name), settings: testSettings)
                    _ = try ImportMerge.merge(batch, records: Board(), now: now)
                    accepted += 1
                } catch let error as ImportError {
                    #expect(error.input == name && !error.reason.isEmpty)
                    errors += 1
                }
            }
        }
        #expect(errors > 0 && accepted > 0)
    }
}
