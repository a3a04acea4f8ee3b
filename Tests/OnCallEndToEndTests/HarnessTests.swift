import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The end-to-end harness itself, checked with `sh` and `tmux` only, so it is trusted before the dashboard runs.
@Suite(.serialized)
struct HarnessTests {
    @Test func runCapturesOutputAndExitCode() throws {
        let result = try ProcessRunner.run(["/bin/sh", "-c", "echo out; echo err >&2; exit 7"])
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
        #expect(result.exitCode == 7)
        #expect(!result.timedOut)
    }

    @Test func runReportsDeathBySignal() throws {
        let result = try ProcessRunner.run(["/bin/sh", "-c", "kill -TERM $$"])
        #expect(result.exitCode == 128 + SIGTERM)
    }

    @Test func runKillsAChildPastItsDeadline() throws {
        let result = try ProcessRunner.run(["/bin/sleep", "30"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.exitCode == 128 + SIGKILL)
    }

    @Test func childGetsAnEmptySignalMaskAndNoExtraDescriptors() throws {
        // Block SIGHUP here, on purpose: the child must not inherit it.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGHUP)
        var saved = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        // A descriptor of ours, high enough not to be reused by `ls` for its own directory handle.
        let opened = open("/dev/null", O_RDONLY)
        let descriptor = dup2(opened, 57)
        close(opened)
        defer { close(descriptor) }
        let result = try ProcessRunner.run([
            "/bin/sh", "-c", "grep SigBlk /proc/self/status; ls /proc/self/fd | sort -n | tr '\\n' ' '",
        ])
        #expect(result.stdout.contains("SigBlk:\t0000000000000000"), "\(result)")
        // 0, 1, 2 and the descriptor `ls` opens to read the directory; never ours.
        let descriptors = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(descriptor == 57)
        #expect(!descriptors.split(separator: " ").contains(Substring("\(descriptor)")), "\(descriptors)")
        #expect(descriptors.split(separator: " ").count <= 4, "\(descriptors)")
    }

    @Test func stdinIsFedFromAFile() throws {
        let result = try ProcessRunner.run(["/bin/cat"], stdin: "hello\n")
        #expect(result.stdout == "hello\n")
    }

    @Test func tmuxSessionTypesCapturesResizesAndExits() throws {
        let session = try TmuxSession.shell(width: 90, height: 25)
        defer { session.kill() }
        #expect(try session.waitFor("e2e$", timeout: 5).matched)
        try session.type("echo harness-$((6 * 7))")
        try session.sendKeys("Enter")
        #expect(try session.waitFor("harness-42", timeout: 5).matched)
        #expect(try session.display("#{window_width}x#{window_height}") == "90x25")
        try session.resize(width: 60, height: 20)
        #expect(try session.display("#{window_width}x#{window_height}") == "60x20")
        try session.type("stty size")
        try session.sendKeys("Enter")
        #expect(try session.waitFor("20 60", timeout: 5).matched)
        try session.type("exit 3")
        try session.sendKeys("Enter")
        #expect(try session.waitForExit(timeout: 5))
        #expect(try session.deadStatus() == 3)
    }

    @Test func tmuxPaneGetsACleanEnvironment() throws {
        let session = try TmuxSession(
            width: 80, height: 10, environment: ["MARKER": "a b'c"],
            command: "/bin/sh -c 'echo \"[$MARKER][$TERM][${NO_COLOR-unset}]\"; sleep 5'")
        defer { session.kill() }
        #expect(try session.waitFor("[a b'c][xterm-256color][unset]", timeout: 5).matched)
    }

    @Test func waitUntilGivesUpAtItsDeadline() throws {
        let session = try TmuxSession(width: 40, height: 5, command: "sleep 5")
        defer { session.kill() }
        let started = Date()
        let result = try session.waitFor("never shown", timeout: 0.5)
        #expect(!result.matched)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func colourEscapesAreFoundAndDefaultsIgnored() {
        let text = "\u{1B}[0;1;7mA\u{1B}[39m\u{1B}[49mB\u{1B}[38;5;166mC\u{1B}[41mD\u{1B}[1;97mE\u{1B}[2J"
        #expect(colourParameters(in: text) == ["38;5;166", "41", "1;97"])
        #expect(colourParameters(in: "\u{1B}[0m\u{1B}[1m\u{1B}[7mplain\u{1B}[39;49m").isEmpty)
    }

    @Test func killStopsTheServer() throws {
        let session = try TmuxSession(width: 40, height: 5, command: "sleep 30")
        let socket = session.socket
        session.kill()
        let result = try ProcessRunner.run(["tmux", "-S", socket, "-f", "/dev/null", "list-sessions"])
        #expect(!result.succeeded)
    }
}

/// The kernel's record of an unreaped child, which `TmuxSession.deadStatus` falls back on.
@Suite struct ZombieStatusTests {
    @Test func zombieExitCodeIsReadFromProc() throws {
        let pid = fork()
        if pid == 0 { _exit(3) }
        defer { var status: Int32 = 0; waitpid(pid, &status, 0) }
        usleep(200_000)
        let code = try #require(TmuxSession.zombieExitCode(pid: String(pid)))
        #expect((code >> 8) & 0xFF == 3 && code & 0x7F == 0)
        #expect(TmuxSession.zombieExitCode(pid: String(getpid())) == nil)
    }
}
