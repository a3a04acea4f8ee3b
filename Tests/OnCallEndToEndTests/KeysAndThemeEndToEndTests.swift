import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `[keys]` and `[theme]` in the real binary under tmux (issue 10 parts 4 and 5): a remapped key acts and the
/// old one does not, the help shows the new key, a theme draws, and a bad entry is refused naming its key.
@Suite(.serialized, .needsOncallDashboard)
struct KeysAndThemeEndToEndTests {
    static let escalationTitle = "Pipeline stuck for Acme"

    /// One new escalation (101) and the rota, with `config` as the user's config file.
    private func shift(config: String) throws -> ShiftFixture {
        let shift = try ShiftFixture()
        let directory = shift.directory.appendingPathComponent("config/oncall")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try shift.seedRota()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title",
            Self.escalationTitle, "--customer", "Acme Corp", "--at", "2026-11-27T14:50:00Z")
        return shift
    }

    private func open(_ shift: ShiftFixture) throws -> TmuxSession {
        let session = try shift.startDashboard(width: 120, height: 40)
        let shown = try session.waitFor(Self.escalationTitle, timeout: 10)
        #expect(shown.matched, "the dashboard did not show the seeded escalation:\n\(shown.screen)")
        return session
    }

    private func quit(_ session: TmuxSession, key: String = "q", sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        try session.sendKeys(key)
        #expect(try session.waitForExit(timeout: 10), "\(key) did not exit", sourceLocation: sourceLocation)
        #expect(try session.deadStatus() == 0, sourceLocation: sourceLocation)
    }

    @Test func remappedAcknowledgeActsTheOldKeyDoesNotAndHelpShowsIt() throws {
        let shift = try shift(config: "[keys]\nacknowledge = \"A\"\nquit = [\"q\", \"ctrl-x\"]\n")
        let session = try open(shift)
        defer { session.kill() }
        try session.sendKeys("2")
        try session.sendKeys("Home")
        try session.sendKeys("a")
        let refused = try session.waitFor("a: no action in Escalation queue", timeout: 5)
        #expect(refused.matched, "the old key a was not refused:\n\(refused.screen)")
        #expect(try shift.escalation(101)?["state"] as? String == "new", "a acknowledged although remapped")
        let footer = try session.capture().split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("A ack"), "footer: \(footer)")

        try session.sendKeys("?")
        let help = try session.waitUntil(timeout: 5) { screen in
            screen.split(separator: "\n").contains {
                $0.contains("Acknowledge the selected escalation") && $0.contains("│ A ")
            }
        }
        #expect(help.matched, "the help does not show A for acknowledge:\n\(help.screen)")
        try session.sendKeys("Escape")
        _ = try session.waitUntil(timeout: 3) { !$0.contains("─ Keys ─") }

        try session.sendKeys("A")
        var acknowledged = false
        for _ in 0..<50 where !acknowledged {
            acknowledged = try shift.escalation(101)?["state"] as? String == "acknowledged"
            if !acknowledged { usleep(100_000) }
        }
        #expect(acknowledged, "A did not acknowledge escalation 101:\n\(session.screenText)")
        try quit(session, key: "C-x")
    }

    @Test(arguments: ["mono", "high-contrast"])
    func dashboardRunsWithATheme(_ palette: String) throws {
        let shift = try shift(config: "[theme]\npalette = \"\(palette)\"\n")
        #expect(try shift.cli("config").stdout.contains("palette = \"\(palette)\""))
        let session = try open(shift)
        defer { session.kill() }
        let colours = colourParameters(in: try session.captureWithEscapes())
        if palette == "mono" {
            #expect(colours.isEmpty, "mono drew colours: \(colours.prefix(5))")
        } else {
            // high-contrast's top bar is bright white on black (the default theme's is white on blue).
            #expect(colours.contains { $0.contains("97") || $0.contains("38;5;15") }, "\(colours.prefix(8))")
            #expect(!colours.contains { $0.split(separator: ";").contains("44") }, "\(colours.prefix(8))")
        }
        try quit(session)
    }

    @Test func aBadKeysEntryIsRefusedNamingTheKey() throws {
        let shift = try shift(config: "")
        let path = shift.directory.appendingPathComponent("config/oncall/config.toml").path
        try "[keys]\nreport = \"a\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        for verb in ["config", "status"] {
            let result = try shift.cli(verb, expectSuccess: false)
            #expect(result.exitCode == 2, "\(verb): \(result)")
            #expect(
                result.stderr.contains("keys.report: \"a\" is also keys.acknowledge in the Escalation queue pane"),
                "\(verb): \(result)")
        }
        try "[theme]\nbreach = \"pinkish\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try shift.cli("status", expectSuccess: false)
        #expect(result.exitCode == 2 && result.stderr.contains("theme.breach: unknown colour \"pinkish\""), "\(result)")
    }
}
