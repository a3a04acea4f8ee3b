import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

/// Issue 14 items 9 and 10: imported text is capped per field, NUL survives as U+FFFD, ids must be positive;
/// each fix or refusal is a warning naming the record.
@Suite struct SanitizerTests {
    private func ticket(id: String, subject: String) -> String {
        #"{"ticket": {"id": \#(id), "subject": "\#(subject)", "status": "new", "priority": "normal", "#
            + #""created_at": "2026-05-07T10:00:00Z"}}"#
    }

    @Test func aHugeSubjectIsCutWithAnEllipsisAndAWarning() throws {
        var board = Board()
        let result = try importText(ticket(id: "41", subject: String(repeating: "é", count: 250_000)), into: &board)
        let subject = try #require(board.tickets.first?.subject)
        #expect(subject.count == 10_000)
        #expect(subject.hasSuffix("…"))
        #expect(result.summary.warningMessages.contains { $0.hasPrefix("ticket 41: the subject was 250000 characters") })
    }

    @Test func textUnderTheLimitIsUntouched() throws {
        var board = Board()
        let text = String(repeating: "a", count: 10_000)
        let result = try importText(ticket(id: "42", subject: text), into: &board)
        #expect(board.tickets.first?.subject == text)
        #expect(result.summary.warnings == 0)
    }

    @Test func nulBecomesTheReplacementCharacter() throws {
        var board = Board()
        let result = try importText(ticket(id: "43", subject: #"before\u0000after"#), into: &board)
        #expect(board.tickets.first?.subject == "before\u{FFFD}after")
        #expect(result.summary.warningMessages.contains { $0.hasPrefix("ticket 43: NUL") })
    }

    @Test(arguments: ["0", "-5"])
    func nonPositiveIdsAreRefusedNamingTheRecord(id: String) throws {
        var board = Board()
        let list = #"{"tickets": [\#(ticket(id: id, subject: "bad").dropFirst(11).dropLast()), "#
            + #"\#(ticket(id: "44", subject: "good").dropFirst(11).dropLast())]}"#
        let result = try importText(list, vendor: .zendesk, into: &board)
        #expect(board.tickets.map(\.id) == [44])
        #expect(result.summary.skipped == 1)
        #expect(result.summary.warningMessages == ["ticket \(id): the id must be a positive number; skipped"])
    }

    @Test func gitlabEscalationFieldsAreCappedToo() throws {
        var escalation = Escalation(
            id: 7, title: String(repeating: "t", count: 20_000), customer: "c\u{0}d", urgency: .urgent,
            announcedAt: now)
        escalation.labels = [String(repeating: "l", count: 10_001)]
        var batch = ImportBatch(vendor: .gitlab, input: "-", detected: false)
        batch.escalations = [escalation, Escalation(id: 0, title: "zero", urgency: .urgent, announcedAt: now)]
        let clean = ImportSanitizer.sanitized(batch)
        #expect(clean.escalations.map(\.id) == [7])
        #expect(clean.escalations[0].title.count == 10_000)
        #expect(clean.escalations[0].customer == "c\u{FFFD}d")
        #expect(clean.escalations[0].labels[0].count == 10_000)
        #expect(clean.warnings.count == 4)
    }
}
