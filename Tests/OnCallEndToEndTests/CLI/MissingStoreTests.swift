import Foundation
import Testing

/// Issue 13 item 3: a typo in `--store` is not an all-clear. Reading verbs refuse a store that does not exist,
/// name the path and suggest `oncall demo` or `--store`, and create nothing.
@Suite(.serialized, .needsOncallBinary)
struct MissingStoreTests {
    @Test(arguments: [["status"], ["status", "--json"], ["log"], ["rota"], ["rota", "--json"], ["handoff-report"]])
    func aReadingVerbRefusesAMissingStore(verb: [String]) throws {
        let shift = try ShiftFixture()
        let result = try shift.run(verb)
        #expect(result.exitCode == 3, "\(verb): \(result)")
        #expect(result.stdout.isEmpty, "\(verb) printed: \(result.stdout)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("no store at \(shift.store)"), "\(result.stderr)")
        #expect(result.stderr.contains("oncall demo") && result.stderr.contains("--store"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: shift.store), "\(verb) created the store")
    }

    @Test func theDashboardRefusesAMissingStore() throws {
        let shift = try ShiftFixture()
        let session = try shift.startDashboard(width: 100, height: 30)
        defer { session.kill() }
        #expect(try session.waitForExit(timeout: 10), "\(session.screenText)")
        #expect(try session.deadStatus() == 3)
        let output = try session.captureAll()
        #expect(output.contains("no store at"), "\(output)")
        #expect(!FileManager.default.fileExists(atPath: shift.store), "the dashboard created the store")
    }

    @Test func aWritingVerbStillCreatesTheStore() throws {
        let shift = try ShiftFixture()
        try shift.ok(
            "escalation", "add", "--id", "1", "--ticket", "5001", "--urgency", "urgent", "--title", "First")
        #expect(try shift.ok("status").contains("First"))
    }
}
