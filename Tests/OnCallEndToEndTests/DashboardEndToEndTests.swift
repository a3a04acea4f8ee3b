import Foundation
import OnCallDemo
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `oncall` binary in a private tmux server, on a seeded store with a fixed clock (issue 3 "Done
/// when" and issue 6 "Terminal"/"Hostile input"). Skipped with the reason when the binary has no `dashboard`.
@Suite(.serialized, .needsOncallDashboard)
struct DashboardEndToEndTests {
    static let escalationTitle = "Pipeline stuck for Acme"
    static let emergencyTitle = "Production down at Globex"

    /// One new escalation (101) and one emergency (7001, led by the actor), with the rota.
    private func seededShift() throws -> ShiftFixture {
        let shift = try ShiftFixture()
        try shift.seedRota()
        try shift.cli(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title",
            Self.escalationTitle, "--customer", "Acme Corp", "--at", "2026-11-27T14:50:00Z")
        try shift.cli(
            "emergency", "add", "--ticket", "7001", "--title", Self.emergencyTitle, "--customer", "Globex",
            "--engineer", "Linus Engineer", "--paged-at", "2026-11-27T14:55:00Z")
        return shift
    }

    private func openDashboard(_ shift: ShiftFixture, width: Int = 120, height: Int = 40) throws -> TmuxSession {
        let session = try shift.startDashboard(width: width, height: height)
        let shown = try session.waitFor(Self.escalationTitle, timeout: 10)
        #expect(shown.matched, "the dashboard did not show the seeded escalation:\n\(shown.screen)")
        return session
    }

    /// Quits with `q` and checks the process ended with status 0.
    private func quit(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: 10), "q did not exit", sourceLocation: sourceLocation)
        let status = try session.deadStatus()
        #expect(status == 0, "exit status \(status.map(String.init) ?? "unknown")", sourceLocation: sourceLocation)
    }

    /// Polls `condition` (a store query) for up to `timeout` seconds.
    private func eventually(timeout: TimeInterval = 5, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            usleep(100_000)
        }
    }

    // (1) `a` acknowledges the selected escalation in the store and on screen.
    @Test func acknowledgeKeyLandsInStoreAndOnScreen() throws {
        let shift = try seededShift()
        let session = try openDashboard(shift)
        defer { session.kill() }
        try session.sendKeys("2")  // the escalation queue
        try session.sendKeys("Home")
        try session.sendKeys("a")
        let stored = try eventually { try shift.escalation(101)?["state"] as? String == "acknowledged" }
        #expect(stored, "escalation 101 not acknowledged in the store:\n\(session.screenText)")
        #expect(try shift.escalation(101)?["acknowledged_by"] as? String == ShiftFixture.actor)
        let shown = try session.waitUntil(timeout: 3) { screen in
            screen.split(separator: "\n").contains { $0.contains("101") && $0.lowercased().contains("ack") }
        }
        #expect(shown.matched, "row 101 does not show the acknowledgement:\n\(shown.screen)")
        try quit(session)
    }

    // (2) A hand-off by keys (`h`, note, confirm) lands with its note.
    @Test func handOffByKeysLandsWithItsNote() throws {
        let shift = try seededShift()
        try shift.cli("emergency", "lead", "7001")
        let session = try openDashboard(shift)
        defer { session.kill() }
        try session.sendKeys("1")  // the emergencies pane
        try session.sendKeys("Home")
        usleep(300_000)  // let the pane switch settle, so only the dialog differs from `before`
        let before = Set(try session.capture().split(separator: "\n").map(String.init))
        try session.sendKeys("h")
        let note = "Customer bridge at 16:30, runbook step 4 done"
        var typedNote = false
        var acceptedTarget = false
        var landed = false
        // The dialog's exact shape is the dashboard's business: answer what it asks, at most a few steps.
        for _ in 0..<8 {
            usleep(300_000)
            let prompt = try session.capture().split(separator: "\n").map(String.init)
                .filter { !before.contains($0) }.joined(separator: "\n").lowercased()
            if !typedNote && prompt.contains("note") {
                try session.type(note)
                try session.sendKeys("Enter")
                typedNote = true
            } else if typedNote && (prompt.contains("y/n") || prompt.contains("confirm") || prompt.contains("[y")) {
                try session.sendKeys("y")
            } else if !acceptedTarget && !typedNote
                && (prompt.contains("hand off to") || prompt.contains("to:") || prompt.contains("target"))
            {
                try session.sendKeys("Enter")  // keep the default target: the next manager on the rota
                acceptedTarget = true
            }
            if typedNote, try shift.cli("log", "--json").stdout.contains(note) {
                landed = true
                break
            }
        }
        #expect(typedNote, "the hand-off dialog never asked for a note:\n\(session.screenText)")
        #expect(landed, "the hand-off note is not in the audit log:\n\(session.screenText)")
        #expect(try shift.emergency(ticket: 7001)?["lead"] as? String == ShiftFixture.nextManager)
        try quit(session)
    }

    // (3) A change made with the CLI appears in the open dashboard within a second (3 s allowed for a busy CI).
    @Test func cliChangeAppearsInOpenDashboard() throws {
        let shift = try seededShift()
        let session = try openDashboard(shift)
        defer { session.kill() }
        let title = "Fresh from the CLI"
        try shift.cli(
            "escalation", "add", "--id", "202", "--ticket", "5202", "--urgency", "timely", "--title", title)
        let shown = try session.waitFor(title, timeout: 3)
        #expect(shown.matched, "the CLI's escalation did not appear:\n\(shown.screen)")
        try quit(session)
    }

    // (4) Resize redraws at the new size.
    @Test func resizeRedraws() throws {
        let shift = try seededShift()
        let session = try openDashboard(shift, width: 100, height: 30)
        defer { session.kill() }
        try session.resize(width: 160, height: 50)
        let grown = try session.waitUntil(timeout: 3) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 50 && lines[30...].contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        #expect(grown.matched, "nothing drawn below row 30 after growing to 160x50:\n\(grown.screen)")
        try session.resize(width: 80, height: 24)
        let shrunk = try session.waitUntil(timeout: 3) { $0.contains("Acme Corp: Pipeline") && $0.contains("q quit") }
        #expect(shrunk.matched, "not redrawn at 80x24:\n\(shrunk.screen)")
        #expect(try !session.isDead())
        try quit(session)
    }

    // (5) `q` exits and restores the terminal: the shell prompt is back, no alternate screen, cursor visible.
    @Test func quitRestoresTheTerminal() throws {
        let shift = try seededShift()
        var environment = shift.environment
        environment["TERM"] = "tmux-256color"
        let session = try TmuxSession.shell(width: 120, height: 40, environment: environment)
        defer { session.kill() }
        #expect(try session.waitFor("e2e$", timeout: 5).matched)
        try session.type(shift.dashboardCommand() + "; echo exit=$?")
        try session.sendKeys("Enter")
        #expect(try session.waitFor(Self.escalationTitle, timeout: 10).matched)
        #expect(try session.display("#{alternate_on}") == "1")
        try session.sendKeys("q")
        let back = try session.waitUntil(timeout: 5) {
            $0.contains("exit=0\ne2e$")  // the exit line, then the prompt (tmux trims its trailing space)
        }
        #expect(back.matched, "no prompt after q:\n\(back.screen)")
        #expect(!back.screen.contains(Self.escalationTitle), "dashboard left on screen:\n\(back.screen)")
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(try session.display("#{cursor_flag}") == "1")
    }

    // NO_COLOR and `--no-color`: attributes only, no colour escape on screen (risk still reads by glyph or word).
    @Test(arguments: [true, false])
    func noColorDrawsWithoutColour(byEnvironment: Bool) throws {
        let shift = try seededShift()
        var environment = shift.environment
        environment["TERM"] = "tmux-256color"
        if byEnvironment { environment["NO_COLOR"] = "1" }
        let command = shift.dashboardCommand(extra: byEnvironment ? [] : ["--no-color"])
        let session = try TmuxSession(width: 120, height: 40, environment: environment, command: command)
        defer { session.kill() }
        #expect(try session.waitFor(Self.escalationTitle, timeout: 10).matched, "\(session.screenText)")
        let colours = colourParameters(in: try session.captureWithEscapes())
        #expect(colours.isEmpty, "colour escapes with NO_COLOR/--no-color: \(colours.prefix(5))")
        try quit(session)
    }

    // The terminal title carries the counts (tmux takes it as the pane title).
    @Test func titleShowsCounts() throws {
        let shift = try seededShift()
        let session = try openDashboard(shift)
        defer { session.kill() }
        let titled = try session.waitUntil(timeout: 3) { _ in
            ((try? session.display("#{pane_title}")) ?? "").contains { $0.isNumber }
        }
        let title = (try? session.display("#{pane_title}")) ?? ""
        #expect(titled.matched, "pane title without counts: \(title)")
        try quit(session)
    }

    // (6a) No TTY: a clear refusal and a non-zero exit, at once.
    @Test func refusesWithoutATerminal() throws {
        let shift = try seededShift()
        let result = try ProcessRunner.run(shift.arguments(["dashboard"]), environment: shift.environment, timeout: 10)
        #expect(!result.timedOut, "the dashboard waited without a terminal")
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("TTY") || result.stderr.contains("terminal"), "\(result)")
    }

    // (6b) A bad TERM: a clear refusal and a non-zero exit, the screen left alone.
    @Test(arguments: ["dumb", "no-such-terminal-e2e", ""])
    func refusesABadTerm(term: String) throws {
        let shift = try seededShift()
        let session = try shift.startDashboard(term: term)
        defer { session.kill() }
        #expect(try session.waitForExit(timeout: 5), "TERM=\(term) did not exit")
        #expect(try session.deadStatus() != 0)
        let screen = try session.captureAll()
        #expect(screen.contains("TERM"), "no message naming TERM:\n\(screen)")
        #expect(!screen.contains(Self.escalationTitle))
    }

    // (7a) SIGHUP (the ssh session drops) exits and restores.
    @Test func hangUpExitsAndRestores() throws {
        let shift = try seededShift()
        let session = try openDashboard(shift)
        defer { session.kill() }
        let pid = try #require(pid_t(try session.display("#{pane_pid}")))
        kill(pid, SIGHUP)
        #expect(try session.waitForExit(timeout: 5), "SIGHUP did not end the dashboard")
        #expect(try session.display("#{alternate_on}") == "0", "the terminal was not restored")
    }

    // (7b) Ctrl-Z suspends, `fg` redraws.
    @Test func suspendAndForegroundRedraws() throws {
        let shift = try seededShift()
        var environment = shift.environment
        environment["TERM"] = "tmux-256color"
        let session = try TmuxSession.shell(width: 120, height: 40, environment: environment)
        defer { session.kill() }
        #expect(try session.waitFor("e2e$", timeout: 5).matched)
        try session.type(shift.dashboardCommand())
        try session.sendKeys("Enter")
        #expect(try session.waitFor(Self.escalationTitle, timeout: 10).matched)
        try session.sendKeys("C-z")
        let stopped = try session.waitUntil(timeout: 5) { !$0.contains(Self.escalationTitle) && $0.contains("Stopped") }
        #expect(stopped.matched, "Ctrl-Z did not suspend:\n\(stopped.screen)")
        try session.type("fg")
        try session.sendKeys("Enter")
        let resumed = try session.waitFor(Self.escalationTitle, timeout: 5)
        #expect(resumed.matched, "fg did not redraw:\n\(resumed.screen)")
        try session.sendKeys("q")
        // The shell's prompt comes back after the `fg` line once the dashboard has exited.
        let exited = try session.waitUntil(timeout: 5) { screen in
            guard let afterFg = screen.range(of: "e2e$ fg") else { return false }
            return screen[afterFg.upperBound...].contains("e2e$")
        }
        #expect(exited.matched, "q after fg did not exit:\n\(exited.screen)")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    // (8) A storm of 200 random sizes from 1x1 to 300x100: no crash, and it still draws and quits.
    @Test func resizeStormDoesNotCrash() throws {
        let shift = try seededShift()
        let session = try openDashboard(shift)
        defer { session.kill() }
        var random = SplitMix64(seed: 0x0C_A11)
        for _ in 0..<200 {
            try session.resize(width: Int(random.next() % 300) + 1, height: Int(random.next() % 100) + 1)
        }
        #expect(try !session.isDead(), "the dashboard died during the resize storm:\n\(session.screenText)")
        try session.resize(width: 120, height: 40)
        let redrawn = try session.waitFor(Self.escalationTitle, timeout: 5)
        #expect(redrawn.matched, "not redrawn after the storm:\n\(redrawn.screen)")
        try quit(session)
    }

    // (9) Hostile strings in subjects, titles and names show no injected effect.
    @Test func hostileStringsHaveNoEffect() throws {
        let shift = try seededShift()
        let hostile = [
            "\u{1B}]2;PWNED-TITLE\u{07}osc title",
            "\u{1B}[2J\u{1B}[1;1HINJECTED-CLEAR",
            "\u{1B}[?1049lLEAVE-ALT \u{1B}[?25h",
            "\u{9B}31mC1-CSI \u{85}NEL \u{7F}DEL \u{08}\u{08}BS",
            "bidi \u{202E}desrever\u{202C} zwj 👩‍💻 e\u{301}\u{301}\u{301} 中文",
            String(repeating: "长", count: 10_000),
        ]
        var accepted = 0
        for (index, text) in hostile.enumerated() {
            let escalation = try shift.cli(
                "escalation", "add", "--id", "\(301 + index)", "--ticket", "\(5301 + index)", "--urgency", "timely",
                "--title", text, "--customer", "Evil\u{1B}[5mCorp\(index)", expectSuccess: false)
            let ticket = try shift.cli(
                "ticket", "add", "--id", "\(8301 + index)", "--subject", text, "--priority", "high", "--created",
                "2026-11-27T14:00:00Z", "--org", "Org\u{1B}[8m\(index)", expectSuccess: false)
            for result in [escalation, ticket] {
                if result.succeeded {
                    accepted += 1
                } else {
                    // Refusing control characters at the door is fine too, if it says so.
                    #expect(!result.stderr.isEmpty && !result.timedOut, "\(result)")
                }
            }
        }
        let session = try openDashboard(shift)
        defer { session.kill() }
        usleep(1_500_000)  // let a few ticks redraw the hostile rows
        let screen = try session.capture()
        #expect(try !session.isDead(), "the dashboard died on hostile input:\n\(screen)")
        #expect(try !session.display("#{pane_title}").contains("PWNED"), "an OSC title sequence took effect")
        #expect(try session.display("#{alternate_on}") == "1", "an escape sequence left the alternate screen")
        #expect(try session.display("#{cursor_flag}") == "0", "an escape sequence showed the cursor")
        #expect(!screen.hasPrefix("INJECTED-CLEAR"), "a cursor-move sequence took effect:\n\(screen)")
        #expect(screen.contains(Self.escalationTitle), "a clear-screen sequence took effect:\n\(screen)")
        #expect(try !session.captureWithEscapes().contains("\u{1B}[5m"), "a blink sequence took effect")
        if accepted > 0 {
            #expect(screen.contains("osc title") || screen.contains("INJECTED") || screen.contains("中文"))
        }
        try quit(session)
    }
}

/// The colour parameters (30-37, 38;..., 40-47, 48;..., 90-97, 100-107) of every SGR escape in `text`.
func colourParameters(in text: String) -> [String] {
    var found: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1B}[") {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
        if rest[end] == "m" {
            let parameters = rest[..<end].split(separator: ";").compactMap { Int($0) }
            let colour = parameters.contains {
                (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0)
            }
            if colour { found.append(String(rest[..<end])) }
        }
        rest = rest[end...]
    }
    return found
}
