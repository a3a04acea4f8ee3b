import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

@Suite("Streaming and formats")
struct StreamingTests {
    /// A generated incremental export written to a file and read in 1 MB chunks, with progress.
    @Test func largeExportStreams() throws {
        let count = 20_000
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("oncall-export-\(getpid()).json").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(#"{"tickets":["#.utf8))
        for i in 0..<count {
            let description = String(repeating: "lorem ipsum \\\"quoted\\\" ", count: 20)
            let text = #"""
                \#(i == 0 ? "" : ","){"id":\#(100_000 + i),"subject":"Ticket \#(i) ]}","description":"\#(description)","status":"\#(i % 7 == 0 ? "solved" : "open")","priority":\#(i % 3 == 0 ? "null" : "\"high\""),"created_at":"2026-05-0\#(1 + i % 9)T10:00:00Z","updated_at":"2026-05-0\#(1 + i % 9)T11:00:00Z","organization_id":\#(6_130_869_157_658 + Int64(i % 5)),"tags":["gold"],"generated_timestamp":1698030874,"slas":{"policy_metrics":[{"breach_at":"2026-05-09T10:00:00Z","stage":"active","metric":"first_reply_time","hours":3}]}}
                """#
            handle.write(Data(text.utf8))
        }
        handle.write(Data(#"],"after_url":null,"end_of_stream":true}"#.utf8))
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }

        nonisolated(unsafe) var lastProgress = 0
        let batch = try Importer.parse(try .file(path), settings: testSettings) { lastProgress = $0 }
        #expect(batch.vendor == .zendesk)
        #expect(batch.read == count && batch.tickets.count == count)
        #expect(lastProgress == count)
        #expect(batch.tickets[123].ticket.subject == "Ticket 123 ]}")
        #expect(batch.tickets[count - 1].ticket.id == Int64(100_000 + count - 1))
        #expect(batch.tickets.allSatisfy { $0.ticket.slaBreachAt == date("2026-05-09T10:00:00Z") })
        let result = try ImportMerge.merge(batch, records: Board(), now: now)
        #expect(result.summary.new == count && result.outcome.changes.count == count)

        // The input is never held whole: the buffer stays near two 1 MB chunks.
        struct Counter: JSONDocumentHandler {
            var streamedKeys: Set<String> { ["tickets"] }
            var elementKeys: Set<String>? { ["id"] }
            var elements = 0
            mutating func element(_ node: JSONNode, key: String?, index: Int) throws { elements += 1 }
            mutating func endDocument(_ envelope: JSONNode, streamed: Set<String>) throws {}
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        var reader = JSONStreamReader(input: try .file(path))
        var counter = Counter()
        try reader.run(&counter)
        #expect(counter.elements == count)
        #expect(size > 8 << 20)
        #expect(reader.peakBufferBytes <= 3 << 20)
    }

    @Test func topLevelArrayOfWebhookEvents() throws {
        let events = try PagerDutyImportTests.lifecycle.map {
            String(decoding: try Data(contentsOf: Fixture.url($0)), as: UTF8.self)
        }
        var board = Board()
        let result = try importText("[" + events.joined(separator: ",") + "]", into: &board)
        #expect(result.summary.read == 4 && board.emergencyOrNil(37)?.state == .resolved)
    }

    @Test func errorInALaterJSONLinesDocumentNamesIt() {
        let good =
            #"{"event":{"event_type":"incident.triggered","occurred_at":"2025-04-07T03:47:13.414Z","data":{"id":"Q","type":"incident","number":1,"status":"triggered"}}}"#
        let bad =
            #"{"event":{"event_type":"incident.triggered","occurred_at":"2025-04-07T03:47:13.414Z","data":{"id":"Q","type":"incident","number":"one","status":"triggered"}}}"#
        let error = importError(good + "\n" + bad + "\n", vendor: .pagerduty)
        #expect(error?.path == "document 2 event.data.number")
    }

    @Test(arguments: [
        ("2023-10-23T03:14:33Z", 1_698_030_873.0), ("2025-04-07T03:47:13.414Z", 1_743_997_633.414),
        ("2018-08-09T14:40:48-07:00", 1_533_850_848.0), ("2018-09-17 21:01:30 UTC", 1_537_218_090.0),
        ("2016-01-04T15:31:46.176Z", 1_451_921_506.176), ("2026-05-07T11:00:00+0200", 1_778_144_400.0),
    ])
    func timestamps(_ text: String, _ epoch: Double) throws {
        let d = try #require(Timestamp.parse(text))
        #expect(abs(d.timeIntervalSince1970 - epoch) < 0.0005)
    }

    @Test(arguments: [
        "", "2023-10-23", "2023-10-23T03:14:33", "2023-13-01T00:00:00Z", "2023-10-23T03:14:33Zjunk", "tomorrow",
    ])
    func badTimestamps(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test(arguments: [
        ("zendesk-tickets-list-offset.json", Vendor.zendesk), ("zendesk-ticket-with-slas.json", .zendesk),
        ("zendesk-ticket-sideload-users-groups-dates.json", .zendesk), ("edge-zendesk-search-results.json", .zendesk),
        ("pagerduty-incidents-list.json", .pagerduty), ("pagerduty-incident-get.json", .pagerduty),
        ("pagerduty-oncalls-list.json", .pagerduty), ("pagerduty-webhook-v3-incident-escalated.json", .pagerduty),
        ("gitlab-project-issues-list-docs.json", .gitlab), ("gitlab-issue-webhook-docs.json", .gitlab),
        ("gitlab-work-item-webhook-recorded-incident.json", .gitlab),
    ])
    func detection(_ name: String, _ vendor: Vendor) {
        #expect(Importer.detect(Fixture.bytes(name)) == vendor)
    }
}
