import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private tmux server with one window, driven like a user would: keys in, screen text out.
/// Every call is bounded; `kill()` (also run on deinit) stops the server through its own socket.
final class TmuxSession {
    let socket: String
    let directory: URL
    private var killed = false

    /// Starts `tmux -S <socket> -f /dev/null new-session -d -x width -y height` running `command` (a shell
    /// command line) in a clean environment: PATH, LANG=C.UTF-8, HOME, TERM=xterm-256color, then `environment`. The pane stays after its command exits (`remain-on-exit`),
    /// so its exit status and final screen can still be read.
    init(width: Int, height: Int, environment: [String: String] = [:], command: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("oncall-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("tmux.sock").path
        // A clean environment (`env -i`): nothing from the test runner (NO_COLOR, TMUX...) leaks into the pane.
        var paneEnvironment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8", "HOME": directory.path, "TERM": "xterm-256color",
        ]
        paneEnvironment.merge(environment) { _, new in new }
        let exports = paneEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }
        let line = "exec env -i \(exports.joined(separator: " ")) \(command)"
        let result = try Self.tmux(
            socket: socket,
            [
                "start-server", ";",
                "set-option", "-g", "remain-on-exit", "on", ";",
                "set-option", "-g", "history-limit", "1000", ";",
                "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", line,
            ])
        guard result.succeeded else {
            try? FileManager.default.removeItem(at: directory)
            throw SpawnError(description: "tmux new-session failed: \(result)")
        }
    }

    /// Starts an interactive `sh` with a recognisable prompt, for typing commands and job control.
    static func shell(width: Int, height: Int, environment: [String: String] = [:]) throws -> TmuxSession {
        var environment = environment
        environment["PS1"] = "e2e$ "
        environment["ENV"] = "/dev/null"
        return try TmuxSession(width: width, height: height, environment: environment, command: "/bin/sh -i")
    }

    deinit { kill() }

    /// Sends tmux key names (`Down`, `Enter`, `C-z`, `q`...).
    @discardableResult
    func sendKeys(_ keys: String...) throws -> RunResult {
        try run(["send-keys", "-t", "e2e"] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    @discardableResult
    func type(_ text: String) throws -> RunResult {
        try run(["send-keys", "-t", "e2e", "-l", text])
    }

    /// Pastes `text` the way a terminal does: bracketed (`ESC [200~ ... ESC [201~`) when the program asked
    /// for it, line feeds sent as carriage returns.
    @discardableResult
    func paste(_ text: String) throws -> RunResult {
        try run(["set-buffer", "-b", "e2e-paste", "--", text])
        return try run(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", "e2e"])
    }

    /// The visible screen as text, one line per row (trailing blanks trimmed by tmux).
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", "e2e"]).stdout
    }

    /// Everything the pane printed, history included, wrapped lines joined (for messages of exited commands).
    func captureAll() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-", "-t", "e2e"]).stdout
    }

    /// The screen for a failure message (never throws).
    var screenText: String { (try? capture()) ?? "<capture failed>" }

    /// The visible screen with its SGR escapes (`capture-pane -e`), to look at attributes.
    func captureWithEscapes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", "e2e"]).stdout
    }

    /// A tmux format for the pane (`#{pane_dead}`, `#{alternate_on}`, `#{pane_title}`...).
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "e2e", format]).stdout.trimmingCharacters(in: .newlines)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane process's exit status in `waitpid` form when it has exited but tmux has not reaped it (a zombie):
    /// field 52 of /proc/<pid>/stat. tmux 3.3a under load sometimes never reaps an exited pane, and then neither
    /// marks it dead nor learns its status; the kernel still has both.
    func zombieExitCode() throws -> Int32? { Self.zombieExitCode(pid: try display("#{pane_pid}")) }

    /// Field 52 (`exit_code`, waitpid form) of /proc/<pid>/stat when `pid` is a zombie; nil otherwise.
    static func zombieExitCode(pid: String) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state); field 52 (exit_code) is fields[49].
        guard fields.first == "Z", fields.count > 49,
            let code = Int32(fields[49].trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return code
    }

    /// Whether the pane's command has exited (tmux says so, or the kernel holds it as a zombie).
    func isDead() throws -> Bool { try display("#{pane_dead}") == "1" || zombieExitCode() != nil }

    /// The exit status of the pane's command (128 + signal when a signal ended it), nil while it runs. tmux
    /// marks the pane dead when the pty closes and learns the status a moment later, when it reaps the child:
    /// wait (bounded) for both, and read it from the kernel when tmux never reaps it.
    func deadStatus(timeout: TimeInterval = 10) throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let code = try zombieExitCode() {
                let signal = code & 0x7F
                return signal == 0 ? Int((code >> 8) & 0xFF) : 128 + Int(signal)
            }
            let values = try display("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").split(
                separator: "|", omittingEmptySubsequences: false)
            guard values.count == 3, values[0] == "1" else { return nil }
            if let signal = Int(values[2]) { return 128 + signal }
            if let status = Int(values[1]) { return status }
            if Date() >= deadline { return nil }
            usleep(20_000)
        }
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last capture and
    /// whether it matched.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 5, _ predicate: (String) -> Bool) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !predicate(screen) {
            if Date() >= deadline { return (false, screen) }
            usleep(50_000)
            screen = try capture()
        }
        return (true, screen)
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 5) throws -> (matched: Bool, screen: String) {
        try waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the pane's command exited.
    func waitForExit(timeout: TimeInterval = 5) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try isDead() { return true }
            usleep(50_000)
        }
        return try isDead()
    }

    /// Kills the server through its socket and removes its directory. Safe to call twice.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? Self.tmux(socket: socket, ["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> RunResult {
        try Self.tmux(socket: socket, arguments)
    }

    private static func tmux(socket: String, _ arguments: [String]) throws -> RunResult {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        if environment["TERM"] == nil { environment["TERM"] = "xterm-256color" }
        return try ProcessRunner.run(
            ["tmux", "-S", socket, "-f", "/dev/null"] + arguments, environment: environment, timeout: 10)
    }
}
