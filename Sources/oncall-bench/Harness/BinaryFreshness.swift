import Foundation

/// `swift run oncall-bench` builds the bench, not the `oncall` binary it spawns: warn when that binary is older
/// than the package's sources, so a stale build is never measured without saying so.
enum BinaryFreshness {
    /// A warning line, or nil when `binary` is newer than every file under the package's `Sources/` (or the
    /// package cannot be found from the binary's path).
    static func warning(binary: String) -> String? {
        let files = FileManager.default
        guard let built = modified(binary) else { return nil }
        var directory = URL(fileURLWithPath: binary).deletingLastPathComponent()
        while directory.path != "/" {
            if files.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { break }
            directory.deleteLastPathComponent()
        }
        let sources = directory.appendingPathComponent("Sources").path
        guard let walker = files.enumerator(atPath: sources) else { return nil }
        var newest: (path: String, date: Date)?
        while let relative = walker.nextObject() as? String {
            let path = sources + "/" + relative
            if let date = modified(path), date > (newest?.date ?? .distantPast) { newest = (relative, date) }
        }
        guard let newest, newest.date > built else { return nil }
        return "WARNING: \(binary) is older than Sources/\(newest.path): run `swift build -c release` first, "
            + "or the figures of the spawned binary are of a stale build"
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
