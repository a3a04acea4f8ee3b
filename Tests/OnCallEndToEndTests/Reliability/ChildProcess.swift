import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One child started without waiting (`ProcessRunner.spawn`), polled with `poll()`, optionally killed with
/// SIGKILL at a chosen moment: the kill storm and the soak run many of these at once.
final class ChildProcess {
    let pid: pid_t
    let started: Date
    let outPath: String
    let errPath: String
    /// When to send SIGKILL (nil: never, unless past `deadline`).
    let killAt: Date?
    /// A bound on every child: past it, it is killed and reported as timed out.
    let deadline: Date
    private(set) var sentKill = false
    private(set) var result: RunResult?

    init(
        _ arguments: [String], environment: [String: String], directory: URL, name: String,
        killAfter: TimeInterval? = nil, timeout: TimeInterval = 60
    ) throws {
        outPath = directory.appendingPathComponent("\(name).out").path
        errPath = directory.appendingPathComponent("\(name).err").path
        pid = try ProcessRunner.spawn(
            arguments, environment: environment, stdinPath: "/dev/null", stdoutPath: outPath, stderrPath: errPath)
        let started = Date()
        self.started = started
        killAt = killAfter.map { started.addingTimeInterval($0) }
        deadline = started.addingTimeInterval(timeout)
    }

    /// Reaps the child if it ended (sending SIGKILL first when its moment came); the result once it ended.
    @discardableResult
    func poll(now: Date = Date()) -> RunResult? {
        if let result { return result }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            let signal = status & 0x7F
            let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            result = RunResult(stdout: stdout, stderr: stderr, exitCode: code, timedOut: now >= deadline)
            return result
        }
        if !sentKill, let killAt, now >= killAt {
            sentKill = true
            kill(pid, SIGKILL)
        } else if !sentKill, now >= deadline {
            sentKill = true
            kill(pid, SIGKILL)
        }
        return nil
    }

    /// Waits (bounded by the child's deadline plus a second) for the child to end.
    func wait() -> RunResult {
        while true {
            if let result = poll() { return result }
            if Date() > deadline.addingTimeInterval(1) && sentKill {
                // Killed and still not reaped: give waitpid a blocking moment.
                usleep(50_000)
            }
            usleep(2_000)
        }
    }

    /// True when SIGKILL from us ended it.
    var wasKilled: Bool { result?.exitCode == 128 + SIGKILL }
}
