import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 14 items 2 and 5 through the real dashboard in tmux: a crash gives the terminal back, and a store
/// file replaced underneath is noticed instead of mixed.
@Suite(.serialized, .needsOncallDashboard)
struct HardeningDashboardTests {
    static let title = "Pipeline stuck for Acme"

    private func seeded() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", Self.title,
            "--customer", "Acme Corp", "--at", "2026-11-27T14:50:00Z")
        return shift
    }

    /// The pid of the pane command's only child (the dashboard under `sh -c`).
    private func child(of session: TmuxSession) throws -> pid_t? {
        let shell = try session.display("#{pane_pid}")
        let text = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Item 2: SIGSEGV, SIGABRT and a trap (SIGILL on x86-64, SIGTRAP on arm64) leave the terminal usable:
    /// alternate screen off, cursor on, the shell's tty modes back, the message after the restore, no wait.
    @Test(arguments: [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS])
    func aCrashRestoresTheTerminal(signal: Int32) throws {
        let shift = try seeded()
        var environment = shift.environment
        environment["TERM"] = "tmux-256color"
        let script = "before=$(stty -g); " + shift.dashboardCommand() + "; echo exit=$?; "
            + "if [ \"$(stty -g)\" = \"$before\" ]; then echo modes-restored; else echo modes-changed; fi; sleep 30"
        let session = try TmuxSession(
            width: 120, height: 40, environment: environment, command: "/bin/sh -c \(shellQuote(script))")
        defer { session.kill() }
        #expect(try session.waitFor(Self.title, timeout: 15).matched, "\(session.screenText)")
        #expect(try session.display("#{alternate_on}") == "1")
        let pid = try #require(try child(of: session), "no dashboard process")
        kill(pid, signal)
        let back = try session.waitUntil(timeout: 10) { $0.contains("modes-") }
        #expect(back.matched, "the shell did not get the terminal back:\n\(back.screen)")
        #expect(back.screen.contains("exit=\(128 + signal)"), "\(back.screen)")
        #expect(back.screen.contains("modes-restored"), "tty modes (echo, icanon) not restored:\n\(back.screen)")
        #expect(back.screen.contains("oncall: the dashboard crashed"), "no message after the restore:\n\(back.screen)")
        #expect(!back.screen.contains(Self.title), "the dashboard was left on screen:\n\(back.screen)")
        #expect(!back.screen.contains("Press space"), "a crash handler waits for a key:\n\(back.screen)")
        #expect(try session.display("#{alternate_on}") == "0", "still in the alternate screen")
        #expect(try session.display("#{cursor_flag}") == "1", "the cursor is still hidden")
    }

    /// Item 5: another store moved over the open one's path. The dashboard says so, writes nothing to either
    /// file, and shows the file now at the path; the old file's WAL is not left to be mixed into the new one.
    @Test func aStoreMovedOverTheOpenOneIsNoticed() throws {
        let shift = try seeded()
        let other = try ShiftFixture()
        try other.cli(
            "escalation", "add", "--id", "202", "--ticket", "5202", "--urgency", "timely", "--title",
            "Other store's escalation", "--at", "2026-11-27T14:40:00Z")
        let session = try shift.startDashboard(width: 120, height: 40)
        defer { session.kill() }
        #expect(try session.waitFor(Self.title, timeout: 15).matched, "\(session.screenText)")
        #expect(rename(other.store, shift.store) == 0)
        let noticed = try session.waitFor("store file was replaced by another file", timeout: 10)
        #expect(noticed.matched, "the replacement went unnoticed:\n\(noticed.screen)")
        let reopened = try session.waitFor("Other store's escalation", timeout: 10)
        #expect(reopened.matched, "the file now at the path is not shown:\n\(reopened.screen)")
        // An action now goes to the file at the path, and the file stays sound.
        try session.sendKeys("2")
        try session.sendKeys("a")
        let acked = try session.waitUntil(timeout: 10) { _ in
            (try? shift.escalation(202)?["state"] as? String) == "acknowledged"
        }
        #expect(acked.matched, "the action did not reach the file at the path:\n\(acked.screen)")
        #expect(try StoreInspector(path: shift.store).integrity() == ["ok"])
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10))
        #expect(try StoreInspector(path: shift.store).integrity() == ["ok"])
        #expect(try shift.escalation(101) == nil, "the old file's escalation leaked into the new one")
    }
}
