import Foundation
import Testing

/// Issue 13 item 12, through the real binary in tmux: terminals without an alternate screen are cleared on
/// exit, and terminals or locales that cannot draw the glyphs get ASCII.
@Suite(.serialized, .needsOncallDashboard)
struct TerminalKindsEndToEndTests {
    static let title = "Pipeline stuck for Acme"

    private func seededShift() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", Self.title,
            "--customer", "Acme Corp", "--at", "2026-11-27T14:50:00Z")
        return shift
    }

    private func start(_ shift: ShiftFixture, term: String, lang: String = "C.UTF-8") throws -> TmuxSession {
        var environment = shift.environment
        environment["TERM"] = term
        environment["LANG"] = lang
        let session = try TmuxSession(
            width: 100, height: 30, environment: environment, command: shift.dashboardCommand())
        let shown = try session.waitFor(Self.title, timeout: 10)
        #expect(shown.matched, "the dashboard did not start on TERM=\(term):\n\(shown.screen)")
        return session
    }

    @Test(arguments: ["linux", "vt100"])
    func aTerminalWithoutAnAlternateScreenIsClearedOnExit(_ term: String) throws {
        let shift = try seededShift()
        let session = try start(shift, term: term)
        defer { session.kill() }
        let screen = session.screenText
        // ASCII only: no box lines, risk glyphs or arrows the console font may lack.
        #expect(!screen.contains("─") && !screen.contains("▶") && !screen.contains("·"), "\(screen)")
        #expect(screen.contains("Escalation queue") && screen.contains("----"), "\(screen)")
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10))
        let after = session.screenText
        #expect(!after.contains(Self.title) && !after.contains("Escalation queue"), "left on screen:\n\(after)")
    }

    @Test func aNonUTF8LocaleDrawsASCII() throws {
        let shift = try seededShift()
        let session = try start(shift, term: "tmux-256color", lang: "C")
        defer { session.kill() }
        let screen = session.screenText
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10))
    }
}
