import Foundation
import Testing

/// Issue 13 items 7 and 8: every line the CLI prints is cleaned like the screen, and the hand-off report in
/// every format carries no escape sequence from customer text.
@Suite(.serialized, .needsOncallBinary)
struct CleanOutputTests {
    static let hostileName = "Mallory\u{1B}]0;pwned\u{07}\u{1B}[2J Evil"

    static func assertClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value) }
        #expect(bad.isEmpty, "raw control characters in output: \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func anActionQuotingAStoredNamePrintsItClean() throws {
        let shift = try ShiftFixture()
        try shift.ok(
            "emergency", "add", "--ticket", "7001", "--title", "Down", "--engineer", Self.hostileName,
            "--paged-at", "2026-11-27T14:55:00Z")
        let ack = try shift.run(["emergency", "ack", "7001"])
        #expect(ack.succeeded, "\(ack)")
        #expect(ack.stdout.contains("acknowledged by Mallory Evil"), "\(ack.stdout.debugDescription)")
        Self.assertClean(ack.stdout)
        let assign = try shift.run(["emergency", "staff", "7001", "--engineer", "Eve\u{1B}[31m\u{9B}1m Red"])
        #expect(assign.succeeded, "\(assign)")
        Self.assertClean(assign.stdout)
    }

    @Test func importAndReportLinesAreClean() throws {
        let shift = try ShiftFixture()
        let file = shift.directory.appendingPathComponent("issues\u{1B}]2;x\u{07}.json")
        let issue = #"[{"iid": 4104, "title": "Ticket 51234567 \u001b]52;c;cGF5bG9hZA==\u0007 @here <!channel>", "#
            + #""description": "Customer: Acme\u001b[2J", "state": "opened", "labels": ["Urgency::urgent"], "#
            + #""created_at": "2026-11-27T14:00:00Z", "updated_at": "2026-11-27T14:00:00Z"}]"#
        try Data(issue.utf8).write(to: file)
        let imported = try shift.run(["import", file.path])
        #expect(imported.succeeded, "\(imported)")
        Self.assertClean(imported.stdout)
        Self.assertClean(imported.stderr)
        try shift.seedRota()
        for format in [[], ["--markdown"], ["--slack"], ["--json"]] {
            let report = try shift.run(["handoff-report"] + format)
            #expect(report.succeeded, "\(format): \(report)")
            Self.assertClean(report.stdout)
            #expect(!report.stdout.contains("@here") && !report.stdout.contains("<!channel>"), "\(format)")
        }
        let slack = try shift.run(["handoff-report", "--slack"]).stdout
        #expect(!slack.contains("|---|") && slack.hasPrefix("*Support Manager On-call hand-off"))
        let both = try shift.run(["handoff-report", "--slack", "--json"])
        #expect(both.exitCode == 64, "\(both)")
    }
}
