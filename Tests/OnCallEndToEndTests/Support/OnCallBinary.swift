import Foundation

/// The built `oncall` executable, found next to the test bundle (`.build/<config>/oncall`), or at
/// `$ONCALL_BINARY` when set.
enum OnCallBinary {
    static let path: String? = locate()

    /// Why the end-to-end tests cannot run, or nil when they can: the binary exists and knows `dashboard`.
    static let unavailableReason: String? = probe()

    static var isAvailable: Bool { unavailableReason == nil }

    /// Whether the global options go before the verb (`oncall --store P status`, the contract's spelling) or,
    /// if the parser only takes them after it, at the end (`oncall status --store P`). Probed once.
    static let globalOptionsFirst: Bool = probePlacement()

    private static func probePlacement() -> Bool {
        guard let path else { return true }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oncall-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = [
            "--store", directory.appendingPathComponent("probe.sqlite").path, "--now", "2026-11-27T15:00:00Z",
        ]
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]
        if let first = try? ProcessRunner.run([path] + options + ["config"], environment: environment),
            first.succeeded
        {
            return true
        }
        if let last = try? ProcessRunner.run([path, "config"] + options, environment: environment),
            last.succeeded
        {
            return false
        }
        return true
    }

    private static func locate() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["ONCALL_BINARY"], !explicit.isEmpty {
            return explicit
        }
        var candidates: [URL] = []
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        for directory in candidates {
            var url = directory
            // The bundle may be a directory (`*.xctest/Contents/MacOS/...`): climb to the build folder.
            for _ in 0..<4 {
                let candidate = url.appendingPathComponent("oncall").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                url = url.deletingLastPathComponent()
            }
        }
        return nil
    }

    private static func probe() -> String? {
        guard let path else {
            return "the oncall binary was not found next to the test bundle; run `swift build` first "
                + "or set ONCALL_BINARY"
        }
        guard let result = try? ProcessRunner.run([path, "dashboard", "--help"], timeout: 20) else {
            return "could not run \(path)"
        }
        guard result.succeeded, result.stdout.contains("dashboard") else {
            return "\(path) does not support `dashboard` yet (`oncall dashboard --help` exited \(result.exitCode)"
                + (result.succeeded ? " without describing `dashboard`)" : ")")
        }
        guard (try? ProcessRunner.lookUp("tmux")) != nil else { return "tmux is not installed" }
        return nil
    }
}
