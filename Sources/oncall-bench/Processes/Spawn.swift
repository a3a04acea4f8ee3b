import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a child process could not be started or did not finish as expected.
struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

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

/// Starts processes with `posix_spawn` and reaps them with `wait4` under our own deadline. Never
/// `Foundation.Process`: a tmux server inherits the pipe it watches and `waitUntilExit()` never returns
/// (ARCHITECTURE.md). Children get stdin/stdout/stderr from files, no inherited descriptor above 2, an empty
/// signal mask and default signal dispositions.
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
        guard let first = arguments.first else { throw SpawnError(description: "no command given") }
        let executable = first.contains("/") ? first : try lookUp(first, environment: environment)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGWINCH, SIGTSTP, SIGCONT, SIGQUIT, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environmentList = environment.map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let status = withCStrings(arguments) { argv in
            withCStrings(environmentList) { envp in posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        }
        guard status == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return pid
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

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Closes every descriptor above 2 in the child: glibc's `addclosefrom_np` when present (looked up at run
    /// time, Swift's Glibc module does not declare it), else each descriptor listed in /proc/self/fd.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in listed.compactMap({ Int32($0) }) where descriptor > 2 && fcntl(descriptor, F_GETFD) >= 0 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// The absolute path of `name` on `PATH`.
    static func lookUp(_ name: String, environment: [String: String]) throws -> String {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw SpawnError(description: "\(name) is not on PATH")
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
