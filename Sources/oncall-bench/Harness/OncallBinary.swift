import Foundation

/// The `oncall` binary the process figures spawn: the one next to this executable. `swift run oncall-bench`
/// builds the bench, not `oncall`, so when that binary is missing or older than the package's sources the bench
/// builds it (`swift build --product oncall` in its own configuration and build directory) rather than measure
/// nothing or a stale build.
enum OncallBinary {
    /// `oncall` next to `executable`.
    static func sibling(of executable: String) -> String {
        URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("oncall").path
    }

    /// Why `binary` should be (re)built, or nil when it is newer than every file under the package's `Sources/`
    /// (or the package cannot be found from its path: nothing to compare with).
    static func staleness(_ binary: String) -> String? {
        guard let built = modified(binary) else { return "missing" }
        guard let root = packageRoot(from: binary) else { return nil }
        let sources = root + "/Sources"
        guard let walker = FileManager.default.enumerator(atPath: sources) else { return nil }
        var newest: (path: String, date: Date)?
        while let relative = walker.nextObject() as? String {
            if let date = modified(sources + "/" + relative), date > (newest?.date ?? .distantPast) {
                newest = (relative, date)
            }
        }
        guard let newest, newest.date > built else { return nil }
        return "older than Sources/\(newest.path)"
    }

    /// Runs `swift build -c <configuration> --product oncall` for the package `binary` belongs to, into the build
    /// directory it sits in; the output goes to `log`. Returns the seconds it took.
    static func build(_ binary: String, configuration: String, log: String) throws -> Double {
        guard let root = packageRoot(from: binary) else {
            throw BenchError("no Package.swift above \(binary): cannot build oncall")
        }
        // <build path>/<triple>/<configuration>/oncall
        let buildPath = URL(fileURLWithPath: binary).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let exit = try Spawn.run(
            [
                "swift", "build", "-c", configuration, "--product", "oncall", "--package-path", root,
                "--build-path", buildPath,
            ], environment: ProcessInfo.processInfo.environment, stdoutPath: log, stderrPath: log, timeout: 3_600)
        guard exit.succeeded, modified(binary) != nil else {
            throw BenchError("swift build --product oncall failed (exit \(exit.exitCode)); see \(log)")
        }
        return exit.wallSeconds
    }

    private static func packageRoot(from binary: String) -> String? {
        var directory = URL(fileURLWithPath: binary).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
