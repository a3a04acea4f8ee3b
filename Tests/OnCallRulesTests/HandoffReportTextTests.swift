import Foundation
import Testing

@testable import OnCallRules

/// Issue 13 item 7: the hand-off report is for people: plain sentences, importer changes folded into counts,
/// Slack mrkdwn, and customer text cleaned, one line, escaped, with mentions and links neutralised.
@Suite("Hand-off report text")
struct HandoffReportTextTests {
    static let now = HandoffReportTests.now
    static let since = HandoffReportTests.since
    static let hostile = "Evil\u{1B}]52;c;cGF5bG9hZA==\u{07} co\u{1B}[2J\u{202E}rp\n**bold** [click](https://evil.example) @here <!channel> www.x.io"

    static var report: HandoffReport {
        var board = HandoffReportTests.board
        board.escalations[1].title = hostile
        board.escalations[1].customer = "Mal\u{9B}31mlory @channel"
        let audit = HandoffReportTests.audit + [
            AuditEvent(
                id: 10, at: utc("2026-02-09T17:00:00Z"), actor: "import:gitlab", verb: "import.new",
                target: RecordRef(.escalation, 90), before: nil, after: "state=new"),
            AuditEvent(
                id: 11, at: utc("2026-02-09T17:00:00Z"), actor: "import:gitlab", verb: "import.new",
                target: RecordRef(.escalation, 91), before: nil, after: "state=new"),
            AuditEvent(
                id: 12, at: utc("2026-02-09T17:05:00Z"), actor: "import:gitlab", verb: "import.update",
                target: RecordRef(.escalation, 88), before: "state=new", after: "state=assigned"),
            AuditEvent(
                id: 13, at: utc("2026-02-09T17:10:00Z"), actor: "alice", verb: "escalation.reject",
                target: RecordRef(.escalation, 92), before: "state=new", after: "state=rejected",
                note: "dup\u{1B}]0;title\u{07} of @here"),
        ]
        return HandoffReport(
            overview: Overview.make(from: board, config: gitlab), audit: audit, since: since, now: now, config: gitlab)
    }

    static func assertClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let controls = text.unicodeScalars.filter {
            ($0.value < 0x20 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
        }
        #expect(controls.isEmpty, "control characters: \(controls.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        #expect(!text.contains("@here") && !text.contains("@channel") && !text.contains("<!channel>"), sourceLocation: sourceLocation)
        #expect(!text.contains("https://evil") && !text.contains("www.x.io"), sourceLocation: sourceLocation)
    }

    @Test func markdownIsCleanEscapedAndOneLinePerItem() {
        let text = Self.report.markdown(timeZone: TimeZone(identifier: "UTC")!)
        Self.assertClean(text)
        #expect(text.contains("Evil corp \\*\\*bold\\*\\* \\[click\\](https\\[:\\]//evil.example) ＠here ‹\\!channel\\> www\\[.\\]x.io"))
        let line = text.split(separator: "\n").first { $0.contains("**89**") } ?? ""
        #expect(line.contains("(Mallory ＠channel): urgent, new"), "\(line)")
    }

    @Test func slackHasNoTablesAndEscapesEntities() {
        let text = Self.report.slack(timeZone: TimeZone(identifier: "UTC")!)
        Self.assertClean(text)
        #expect(!text.contains("|---|"))
        #expect(!text.contains("### "))
        #expect(text.hasPrefix("*Support Manager On-call hand-off: 2026-02-09 23:30 UTC*\n"))
        #expect(text.contains("‹!channel&gt;"))
        #expect(text.contains("• 2000 breached -40m, urgent, AMER, Priority Support: Urgent | 0\n"))
        #expect(text.contains("*Done this shift (3 actions)*\n• 16:10 alice acknowledged escalation 88\n"))
    }

    @Test func importerChangesAreFoldedIntoCounts() {
        let text = Self.report.markdown(timeZone: TimeZone(identifier: "UTC")!)
        #expect(text.contains("- gitlab: 2 new escalations, 1 updated\n"))
        #expect(!text.contains("import.new"))
        #expect(text.contains("- 17:10 alice rejected escalation 92: dup of ＠here\n"))
    }

    @Test func jsonCarriesCleanText() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(Self.report), as: UTF8.self)
        let decoded = try JSONDecoder.iso.decode(HandoffReport.self, from: Data(json.utf8))
        let line = try #require(decoded.escalations.first(where: { $0.id == 89 }))
        let title: String = line.title
        #expect(!title.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(!title.contains("@here") && !title.contains("https://"))
    }
}

extension JSONDecoder {
    fileprivate static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
