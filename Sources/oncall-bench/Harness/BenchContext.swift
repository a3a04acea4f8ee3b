import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import OnCallDemo

/// What every figure needs: the run's options, where its files go, the clock the data was generated at, and
/// how to start the real `oncall` binary.
struct BenchContext {
    var quick: Bool
    var seed: UInt64
    /// The instant the synthetic stores are generated relative to (the wall clock at start, to the minute):
    /// the spawned dashboards run on the real clock, so their countdowns tick against this data.
    var now: Date
    /// A fresh temporary directory, removed at the end: nothing is cached between runs.
    var directory: String
    /// Where the `oncall` binary should be: next to this one, built in the same configuration.
    var oncallPath: String
    /// That binary, when it exists.
    var oncall: String? { access(oncallPath, X_OK) == 0 ? oncallPath : nil }
    /// The environment spawned processes get: a private HOME/XDG so no user config or store is read.
    var childEnvironment: [String: String]

    func storePath(_ size: SyntheticSize) -> String { directory + "/store-\(size.rawValue).sqlite" }

    /// Progress for the person waiting, on stderr so `--json` output stays clean.
    func log(_ message: String) {
        FileHandle.standardError.write(Data("oncall-bench: \(message)\n".utf8))
    }

    /// The `oncall` binary, or why there is none.
    func requireOncall() throws -> String {
        guard let oncall else {
            throw SpawnError(description: "no oncall binary at \(oncallPath) (build it: swift build -c release)")
        }
        return oncall
    }

    /// Runs `oncall` with `arguments` (global options included by the caller) and returns how it ended; a failure
    /// throws with the first line of its stderr.
    func runOncall(
        _ arguments: [String], timeout: TimeInterval, stdoutPath: String = "/dev/null",
        extraEnvironment: [String: String] = [:]
    ) throws -> ChildExit {
        let binary = try requireOncall()
        let errPath = directory + "/oncall.err"
        let exit = try Spawn.run(
            [binary] + arguments, environment: childEnvironment.merging(extraEnvironment) { $1 }, stdoutPath: stdoutPath, stderrPath: errPath,
            timeout: timeout)
        guard exit.succeeded else {
            let message = ((try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
                .split(separator: "\n").first.map(String.init) ?? ""
            throw SpawnError(
                description: "oncall \(arguments.first ?? ""): exit \(exit.exitCode)\(exit.timedOut ? " (timed out)" : "")"
                    + (message.isEmpty ? "" : ": \(message)"))
        }
        return exit
    }
}

extension BenchContext {
    /// A new temporary directory, the `oncall` binary next to this executable, a private child environment.
    static func make(quick: Bool, seed: UInt64) throws -> BenchContext {
        var template = Array((NSTemporaryDirectory() + "/oncall-bench-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("cannot create a temporary directory") }
        let directory = String(cString: made)
        for sub in ["home", "config", "data"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let sibling = OncallBinary.sibling(of: executable)
        let parent = ProcessInfo.processInfo.environment
        let environment = [
            "PATH": parent["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": directory + "/home",
            "XDG_CONFIG_HOME": directory + "/config", "XDG_DATA_HOME": directory + "/data", "LANG": "C.UTF-8",
            "TERM": "tmux-256color", "USER": "bench", "TZ": "UTC",
        ]
        let minute = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60
        return BenchContext(
            quick: quick, seed: seed, now: Date(timeIntervalSince1970: minute), directory: directory,
            oncallPath: sibling, childEnvironment: environment)
    }
}
