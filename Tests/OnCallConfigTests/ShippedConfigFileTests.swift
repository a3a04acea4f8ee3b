import Foundation
import OnCallConfig
import OnCallRules
import Testing
import TOMLKit

/// `Resources/config.toml` documents exactly `OnCallConfig.gitlabDefaults`, key by key.
@Suite struct ShippedConfigFileTests {
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/config.toml")

    static func text() throws -> String { try String(contentsOf: fileURL, encoding: .utf8) }

    @Test func shippedFileOverADistortedBaseGivesTheGitLabDefaults() throws {
        let distorted = ConfigFixtures.distorted()
        #expect(distorted != .gitlabDefaults)
        let loaded = try ConfigLoader.load(toml: try Self.text(), over: distorted)
        #expect(loaded == OnCallConfig.gitlabDefaults)
    }

    @Test func shippedFileHasEveryKeyThatRenderWrites() throws {
        let shipped = try ConfigFixtures.keyPaths(of: try Self.text())
        let rendered = try ConfigFixtures.keyPaths(of: ConfigLoader.render(.gitlabDefaults))
        #expect(shipped == rendered)
        #expect(shipped.contains("policies.priority.high.minutes"))
        #expect(shipped.contains("pagerduty.routing_key_env"))
    }

    @Test func everyKeyLineHasAComment() throws {
        // Each section header is preceded by a comment block, so no table goes undocumented.
        let lines = try Self.text().split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.hasPrefix("[") {
            #expect(index > 0 && lines[index - 1].hasPrefix("#"), "undocumented table \(line)")
        }
    }

    @Test func loadFileReadsTheShippedFileAndIfPresentFallsBack() throws {
        #expect(try ConfigLoader.loadFile(path: Self.fileURL.path, over: ConfigFixtures.distorted()) == .gitlabDefaults)
        let missing = "/nonexistent/oncall/config.toml"
        #expect(try ConfigLoader.loadFileIfPresent(path: missing, over: .gitlabDefaults) == .gitlabDefaults)
        #expect(throws: ConfigError(source: missing, keyPath: "", message: "no such file")) {
            try ConfigLoader.loadFile(path: missing)
        }
    }

    @Test func fileErrorsArePrefixedWithThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oncall-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.toml").path
        try "[risk]\ncritical_minutes = -3\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ConfigLoader.loadFileIfPresent(path: path)
            Issue.record("a bad value was accepted")
        } catch let error as ConfigError {
            #expect(error.description == "\(path): risk.critical_minutes: expected a positive integer, got -3")
        }
    }
}
