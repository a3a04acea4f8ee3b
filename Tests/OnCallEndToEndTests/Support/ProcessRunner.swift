import Foundation

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

/// Errors from starting a child process.
struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs commands with `posix_spawn` + `waitpid` and a deadline of our own. Never `Foundation.Process`: a tmux
/// server would inherit the pipe `Process` watches and `waitUntilExit()` would never return. Children get
/// stdin from /dev/null (or a file), stdout/stderr into files (no pipe a daemon could keep open), no inherited
/// descriptor above 2, an empty signal mask and default signal dispositions.
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
        guard let first = arguments.first else { throw SpawnError(description: "no command given") }
        let executable = first.contains("/") ? first : try lookUp(first)
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

        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let status = withCStrings(arguments) { argv in
            withCStrings(environmentList) { envp in
                posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else {
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return pid
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Closes every descriptor above 2 in the child: glibc's `addclosefrom_np` (looked up at run time: Swift's
    /// Glibc module does not declare it), else each descriptor listed in /proc/self/fd.
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
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw SpawnError(description: "\(name) not found in PATH")
    }

    private static func withCStrings<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
    ) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// Quotes a word for `/bin/sh` (tmux runs pane commands through the shell).
func shellQuote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
