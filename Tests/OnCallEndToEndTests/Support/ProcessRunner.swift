import Foundation
import OnCallSpawn

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a finished (or timed-out) child process left behind.
struct RunResult: Sendable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    /// The exit status, or 128 + signal when it died of a signal.
    var exitCode: Int32
    /// True when the deadline passed and the child was killed.
    var timedOut: Bool

    var succeeded: Bool { exitCode == 0 && !timedOut }

    var description: String {
        "exit \(exitCode)\(timedOut ? " (timed out)" : "")\nstdout: \(stdout)\nstderr: \(stderr)"
    }
}

/// Errors from starting a child process (shared with the bench).
typealias SpawnError = OnCallSpawn.SpawnError

/// Runs commands through `Spawner` (posix_spawn, never `Foundation.Process`, which hangs on tmux) and waits
/// for them with `waitpid` and a deadline of our own; stdout and stderr go to files and are read back.
enum ProcessRunner {
    /// Runs `arguments` (the first is an absolute path, or a name looked up in PATH) and waits at most `timeout`.
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, stdin input: String? = nil,
        timeout: TimeInterval = 10
    ) throws -> RunResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oncall-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("stdout").path
        let errPath = directory.appendingPathComponent("stderr").path
        var inPath = "/dev/null"
        if let input {
            inPath = directory.appendingPathComponent("stdin").path
            try Data(input.utf8).write(to: URL(fileURLWithPath: inPath))
        }

        let pid = try spawn(
            arguments, environment: environment, stdinPath: inPath, stdoutPath: outPath,
            stderrPath: errPath)
        let (status, timedOut) = wait(pid: pid, timeout: timeout)
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return RunResult(stdout: stdout, stderr: stderr, exitCode: status, timedOut: timedOut)
    }

    /// Starts a child and returns its pid; the caller must reap it (`wait(pid:timeout:)`).
    static func spawn(
        _ arguments: [String], environment: [String: String]?, stdinPath: String, stdoutPath: String,
        stderrPath: String
    ) throws -> pid_t {
        try Spawner.start(
            arguments, environment: environment ?? ProcessInfo.processInfo.environment, stdinPath: stdinPath,
            stdoutPath: stdoutPath, stderrPath: stderrPath)
    }

    /// Waits for `pid` until `timeout`; past it the child gets SIGKILL. Returns the exit code (128 + signal).
    static func wait(pid: pid_t, timeout: TimeInterval) -> (exitCode: Int32, timedOut: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return (-1, timedOut) }
            if !timedOut && Date() >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(5_000)
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift cannot import.
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, timedOut)
    }

    /// The absolute path of `name` in PATH.
    static func lookUp(_ name: String) throws -> String {
        try Spawner.lookUp(name, environment: ProcessInfo.processInfo.environment)
    }
}

/// Quotes a word for `/bin/sh` (tmux runs pane commands through the shell).
func shellQuote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
