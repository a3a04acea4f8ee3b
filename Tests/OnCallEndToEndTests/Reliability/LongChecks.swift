import Foundation
import Testing

/// The long reliability checks (kill storm, concurrency soak, importer fuzz through the CLI) run only when
/// `ONCALL_LONG_CHECKS=1`, as `.ci/run`'s second step does; plain `swift test` skips them.
enum LongChecks {
    static let enabled = ProcessInfo.processInfo.environment["ONCALL_LONG_CHECKS"] == "1"

    /// Why a long check is skipped, or nil when it runs.
    static let skipReason: String? = {
        if !enabled { return "a long check: set ONCALL_LONG_CHECKS=1 to run it" }
        return OnCallBinary.path == nil ? "the oncall binary was not found; run `swift build` first" : nil
    }()

    static var comment: Comment { Comment(rawValue: skipReason ?? "long checks on") }

    /// The vendor samples of the importer tests, read from the source tree.
    static let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OnCallImportTests/Fixtures")

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Prints a result line so the CI log shows what was tried and what held.
    static func report(_ line: String) {
        FileHandle.standardOutput.write(Data(("reliability: " + line + "\n").utf8))
    }
}

/// `1234567` as `1,234,567`, for the printed summaries.
func grouped(_ value: Int) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    formatter.usesGroupingSeparator = true
    return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
}
