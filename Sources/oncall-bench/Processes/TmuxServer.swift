import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private tmux server on its own socket (`tmux -S sock -f /dev/null`), so the bench never touches the
/// user's tmux, and `kill()` always takes it down by that socket.
final class TmuxServer {
    let socket: String
    let directory: String
    let environment: [String: String]
    private var started = false

    /// `directory` holds the socket and the files tmux commands print into.
    init(directory: String, environment: [String: String]) {
        self.directory = directory
        self.socket = directory + "/tmux.sock"
        self.environment = environment
    }

    deinit { kill() }

    /// Starts a detached session `name` of `width`x`height` running `command` (exec'd directly, no shell).
    func newSession(_ name: String, width: Int, height: Int, command: [String]) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"] + command)
        started = true
        // Keep a dead pane on screen instead of closing the session, so a crash is seen, not a vanished target.
        _ = try? tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    /// Replaces whatever runs in `name`'s pane by `command` (the old process gets SIGHUP).
    func respawn(_ name: String, command: [String]) throws {
        try tmux(["respawn-pane", "-k", "-t", name] + command)
    }

    /// The pid of the process running in `name`'s pane.
    func panePid(_ name: String) throws -> pid_t {
        let text = try output(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SpawnError(description: "tmux gave no pane pid for \(name): '\(text)'")
        }
        return pid
    }

    /// True when the pane's process has exited (the pane is kept by `remain-on-exit`).
    func paneDead(_ name: String) -> Bool {
        ((try? output(["display-message", "-p", "-t", name, "#{pane_dead}"])) ?? "1").hasPrefix("1")
    }

    /// The visible text of `name`'s pane.
    func capture(_ name: String) throws -> String { try output(["capture-pane", "-p", "-t", name]) }

    /// Appends everything the pane's program writes to the terminal to `path` (`pipe-pane`).
    func pipeOutput(_ name: String, to path: String) throws {
        try tmux(["pipe-pane", "-t", name, "-o", "cat >> '\(path)'"])
    }

    /// Sends keys as tmux names them (`q`, `Enter`).
    func sendKeys(_ name: String, _ keys: [String]) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Kills the server by its socket; safe to call more than once.
    func kill() {
        guard started else { return }
        started = false
        _ = try? Spawn.run(
            ["tmux", "-S", socket, "kill-server"], environment: environment, timeout: 5)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String { try output(arguments) }

    private func output(_ arguments: [String]) throws -> String {
        let out = directory + "/tmux.out"
        let err = directory + "/tmux.err"
        let exit = try Spawn.run(
            ["tmux", "-S", socket, "-f", "/dev/null"] + arguments, environment: environment, stdoutPath: out,
            stderrPath: err, timeout: 10)
        guard exit.succeeded else {
            let message = ((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw SpawnError(
                description: "tmux \(arguments.first ?? ""): exit \(exit.exitCode)\(exit.timedOut ? " (timed out)" : "")"
                    + (message.isEmpty ? "" : ": \(message)"))
        }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }
}
