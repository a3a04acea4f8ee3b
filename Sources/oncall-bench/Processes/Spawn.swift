import Foundation
import OnCallSpawn

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors from starting a child process (shared with the end-to-end tests).
typealias SpawnError = OnCallSpawn.SpawnError

/// How a reaped child ended, with its own resource usage (CPU from `wait4`, so only that child is counted).
struct ChildExit: Sendable {
    /// The exit status, or 128 + signal when it died of a signal.
    var exitCode: Int32
    var timedOut: Bool
    /// Wall time from just before `posix_spawn` to the reap, in seconds.
    var wallSeconds: Double
    /// Peak resident set of the child in bytes: the last `VmHWM` read from /proc while it ran (polled every few
    /// ms, so growth in its last moments can be missed). Not `ru_maxrss`: `posix_spawn` starts the child on the
    /// parent's memory (vfork), and Linux carries the parent's high-water mark into the child's `ru_maxrss`.
    var peakResidentBytes: Int
    /// User + system CPU time of the child, in seconds.
    var cpuSeconds: Double

    var succeeded: Bool { exitCode == 0 && !timedOut }
}

/// Starts processes through `Spawner` (posix_spawn, clean descriptors and signals) and reaps them with `wait4`
/// under our own deadline, measuring what each child used.
enum Spawn {
    /// Runs `arguments` to completion (killed with SIGKILL past `timeout`).
    static func run(
        _ arguments: [String], environment: [String: String], stdoutPath: String = "/dev/null",
        stderrPath: String = "/dev/null", timeout: TimeInterval
    ) throws -> ChildExit {
        let started = Monotonic.seconds()
        let pid = try start(arguments, environment: environment, stdoutPath: stdoutPath, stderrPath: stderrPath)
        return reap(pid, started: started, timeout: timeout)
    }

    /// Starts a child and returns its pid; the caller must `reap` it.
    static func start(
        _ arguments: [String], environment: [String: String], stdinPath: String = "/dev/null",
        stdoutPath: String = "/dev/null", stderrPath: String = "/dev/null"
    ) throws -> pid_t {
        try Spawner.start(
            arguments, environment: environment, stdinPath: stdinPath, stdoutPath: stdoutPath, stderrPath: stderrPath)
    }

    /// Waits for `pid` until `timeout` (then SIGKILL) and returns how it ended and what it used.
    static func reap(_ pid: pid_t, started: Double, timeout: TimeInterval) -> ChildExit {
        let deadline = started + timeout
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        var peak = 0
        var nextSample = 0.0
        while true {
            let now = Monotonic.seconds()
            if now >= nextSample {
                peak = Swift.max(peak, ProcFS.memory(pid, "VmHWM") ?? 0)
                nextSample = now + 0.005
            }
            let result = wait4(pid, &status, WNOHANG, &usage)
            if result == pid { break }
            if result < 0 && errno != EINTR {
                return ChildExit(exitCode: -1, timedOut: false, wallSeconds: 0, peakResidentBytes: 0, cpuSeconds: 0)
            }
            if Monotonic.seconds() > deadline {
                kill(pid, SIGKILL)
                timedOut = true
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                break
            }
            usleep(200)
        }
        let wall = Monotonic.seconds() - started
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return ChildExit(exitCode: code, timedOut: timedOut, wallSeconds: wall, peakResidentBytes: peak, cpuSeconds: cpu)
    }

    /// The absolute path of `name` on `PATH`.
    static func lookUp(_ name: String, environment: [String: String]) throws -> String {
        try Spawner.lookUp(name, environment: environment)
    }
}
