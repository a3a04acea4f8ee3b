import Foundation
import OnCallDemo
import Testing

/// The vendor files have the real envelopes and fields, the promised counts, and are deterministic.
@Suite struct SyntheticExportTests {
    static let now = try! Date("2026-11-27T14:05:00Z", strategy: .iso8601)
    static let fixtures = URL(fileURLWithPath: "/work/shared/fixtures/vendor")
        .standardizedFileURL

    static func write(_ body: (FileHandle) throws -> Void) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oncall-synth-\(UUID().uuidString).json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try body(handle)
        try handle.close()
        return try Data(contentsOf: url)
    }

    static func fixture(_ name: String) throws -> Any? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("OnCallImportTests/Fixtures/\(name)")
        let path = FileManager.default.fileExists(atPath: url.path) ? url : fixtures.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: path) else { return nil }
        return try JSONSerialization.jsonObject(with: data)
    }

    @Test func zendeskExportHasTheIncrementalEnvelopeAndTicketFields() throws {
        let data = try Self.write {
            try SyntheticExport.writeZendeskIncrementalTickets(count: 500, now: Self.now, includeSLAs: true, to: $0)
        }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["tickets", "after_url", "after_cursor", "before_url", "before_cursor", "end_of_stream"])
        let tickets = try #require(object["tickets"] as? [[String: Any]])
        #expect(tickets.count == 500)
        #expect(Set(tickets.compactMap { $0["id"] as? Int }).count == 500)
        #expect(tickets.filter { ($0["status"] as? String).map { ["new", "open", "hold", "pending"].contains($0) } ?? false }.count >= 10)
        if let real = try Self.fixture("zendesk-incremental-tickets-cursor.json") as? [String: Any],
            let first = (real["tickets"] as? [[String: Any]])?.first
        {
            #expect(Set(first.keys).isSubset(of: Set(tickets[0].keys)))
        }
        let metrics = tickets.compactMap { ($0["slas"] as? [String: Any])?["policy_metrics"] as? [[String: Any]] }
        #expect(metrics.count == 500)
        #expect(metrics.contains { $0.first?["stage"] as? String == "active" })
    }

    @Test func zendeskExportIsDeterministic() throws {
        let a = try Self.write { try SyntheticExport.writeZendeskIncrementalTickets(count: 300, seed: 3, now: Self.now, to: $0) }
        let b = try Self.write { try SyntheticExport.writeZendeskIncrementalTickets(count: 300, seed: 3, now: Self.now, to: $0) }
        let c = try Self.write { try SyntheticExport.writeZendeskIncrementalTickets(count: 300, seed: 4, now: Self.now, to: $0) }
        #expect(a == b)
        #expect(a != c)
    }

    @Test func pagerDutyExportHasTheIncidentsEnvelope() throws {
        let data = try Self.write { try SyntheticExport.writePagerDutyIncidents(count: 250, now: Self.now, to: $0) }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let incidents = try #require(object["incidents"] as? [[String: Any]])
        #expect(incidents.count == 250)
        #expect(object["more"] as? Bool == false)
        #expect(Set(incidents.compactMap { $0["status"] as? String }).isSuperset(of: ["resolved"]))
        #expect(incidents.filter { $0["status"] as? String != "resolved" }.count == 5)
        if let real = try Self.fixture("pagerduty-incidents-list.json") as? [String: Any],
            let first = (real["incidents"] as? [[String: Any]])?.first
        {
            #expect(Set(first.keys) == Set(incidents[0].keys))
        }
        // The title carries the Zendesk ticket number, as the handbook's manual trigger does.
        let title = try #require(incidents[0]["title"] as? String)
        #expect(title.hasPrefix("5000000 - "))
        let again = try Self.write { try SyntheticExport.writePagerDutyIncidents(count: 250, now: Self.now, to: $0) }
        #expect(data == again)
    }

    @Test func gitLabExportIsAnIssueList() throws {
        let data = try Self.write { try SyntheticExport.writeGitLabIssues(count: 120, now: Self.now, to: $0) }
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(issues.count == 120)
        #expect(issues.filter { $0["state"] as? String == "opened" }.count == 2)
        if let real = try Self.fixture("gitlab-project-issues-list-docs.json") as? [[String: Any]], let first = real.first {
            #expect(Set(first.keys) == Set(issues[0].keys))
        }
        let description = try #require(issues[0]["description"] as? String)
        #expect(description.contains("zendesk.com/agent/tickets/"))
        #expect(description.contains("**Customer:**"))
        let again = try Self.write { try SyntheticExport.writeGitLabIssues(count: 120, now: Self.now, to: $0) }
        #expect(data == again)
    }

    @Test func timestampsAreZendeskStyle() throws {
        let data = try Self.write { try SyntheticExport.writeZendeskIncrementalTickets(count: 3, now: Self.now, to: $0) }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tickets = try #require(object["tickets"] as? [[String: Any]])
        let created = try #require(tickets[0]["created_at"] as? String)
        let parsed = try Date(created, strategy: .iso8601)
        #expect(created.count == 20 && created.hasSuffix("Z"))
        #expect(parsed < Self.now)
    }
}
