import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 13 "a shift without surprises", through the real binary in tmux: paste and type-ahead never act.
@Suite(.serialized, .needsOncallDashboard)
struct ShiftSafetyEndToEndTests {
    static let title = "Pipeline stuck for Acme"

    private func seededShift() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", Self.title,
            "--customer", "Acme Corp", "--at", "2026-11-27T14:50:00Z")
        return shift
    }

    private func open(_ shift: ShiftFixture) throws -> TmuxSession {
        let session = try shift.startDashboard(width: 120, height: 40)
        let shown = try session.waitFor(Self.title, timeout: 10)
        #expect(shown.matched, "the dashboard did not show the seeded escalation:\n\(shown.screen)")
        return session
    }

    // Pasting "Duplicate of 4104⏎y" into the reject reason leaves it in the prompt; nothing is rejected.
    @Test func aPastedReasonWithANewlineAndYDoesNotReject() throws {
        let shift = try seededShift()
        let session = try open(shift)
        defer { session.kill() }
        try session.sendKeys("2")
        try session.sendKeys("x")
        #expect(try session.waitFor("Reject escalation 101: reason", timeout: 5).matched, "\(session.screenText)")
        try session.paste("Duplicate of 4104\ny")
        let typed = try session.waitFor("Duplicate of 4104 y", timeout: 5)
        #expect(typed.matched, "the paste is not in the prompt as text:\n\(typed.screen)")
        usleep(500_000)
        #expect(try shift.escalation(101)?["state"] as? String == "new")
        // Outside a prompt a paste of action keys does nothing.
        try session.sendKeys("Escape")
        try session.paste("gtxa")
        #expect(try session.waitFor("pasted text ignored", timeout: 5).matched, "\(session.screenText)")
        usleep(300_000)
        #expect(try shift.escalation(101)?["state"] as? String == "new")
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10))
    }

    // Keys typed ahead of a confirmation (one write: reason, Enter, y) do not answer it; a later y does.
    @Test func typeAheadDoesNotAnswerAConfirmation() throws {
        let shift = try seededShift()
        let session = try open(shift)
        defer { session.kill() }
        try session.sendKeys("2")
        try session.sendKeys("x", "D", "u", "p", "Enter", "y")
        let asked = try session.waitFor("Reject escalation 101?", timeout: 5)
        #expect(asked.matched, "no confirmation:\n\(asked.screen)")
        usleep(700_000)
        #expect(try session.capture().contains("Reject escalation 101?"), "\(session.screenText)")
        #expect(try shift.escalation(101)?["state"] as? String == "new")
        try session.sendKeys("y")
        let deadline = Date().addingTimeInterval(5)
        while try shift.escalation(101)?["state"] as? String != "rejected", Date() < deadline { usleep(100_000) }
        #expect(try shift.escalation(101)?["state"] as? String == "rejected", "\(session.screenText)")
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10))
    }
}
