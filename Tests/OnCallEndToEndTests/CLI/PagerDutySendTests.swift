import Foundation
import Testing

/// `oncall escalation trigger N` against a local HTTP server standing in for the PagerDuty Events API v2
/// (issue 7, "Manual emergency trigger").
@Suite(.serialized, .needsOncallBinary)
struct PagerDutySendTests {
    static let keyVariable = "ONCALL_TEST_PD_KEY"
    static let key = "R0UT1NGKEY-e2e"

    /// An escalation 501 for ticket 6501, and a config whose events URL is `url` and key variable ours.
    private func shift(eventsURL url: String) throws -> (ShiftFixture, String) {
        let shift = try ShiftFixture()
        try shift.ok(
            "escalation", "add", "--id", "501", "--ticket", "6501", "--urgency", "urgent", "--title", "Pipelines down",
            "--customer", "Acme")
        let config = shift.directory.appendingPathComponent("pagerduty.toml")
        let text = "[pagerduty]\nevents_url = \"\(url)\"\nrouting_key_env = \"\(Self.keyVariable)\"\n"
        try Data(text.utf8).write(to: config)
        return (shift, config.path)
    }

    private func trigger(_ shift: ShiftFixture, config: String, key: String? = PagerDutySendTests.key) throws
        -> RunResult
    {
        try shift.run(
            ["--config", config, "escalation", "trigger", "501"],
            environment: key.map { [Self.keyVariable: $0] } ?? [:])
    }

    /// The local emergency exists and is linked, whatever happened to the page.
    private func expectEmergencyRecorded(_ shift: ShiftFixture, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let status = try shift.statusObject()
        let emergency = objects(status["emergencies"]).first { $0["ticket"] as? Int == 6501 }
        #expect(emergency?["state"] as? String == "triggered", sourceLocation: sourceLocation)
        #expect(emergency?["escalation"] as? Int == 501, sourceLocation: sourceLocation)
        let log = try shift.auditLog().compactMap { $0["verb"] as? String }
        #expect(log.contains("emergency.trigger"), sourceLocation: sourceLocation)
    }

    @Test func sendsTheEventsV2TriggerWithTheHandbookFields() throws {
        let server = try LocalHTTPServer(status: 202)
        let (shift, config) = try shift(eventsURL: "http://127.0.0.1:\(server.port)/v2/enqueue")
        let result = try trigger(shift, config: config)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("PagerDuty: trigger sent"), "\(result)")
        #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key), "the key was printed")

        let request = try #require(server.wait())
        #expect(request.requestLine == "POST /v2/enqueue HTTP/1.1")
        #expect(request.headers["content-type"]?.hasPrefix("application/json") == true)
        let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(body["routing_key"] as? String == Self.key)
        #expect(body["event_action"] as? String == "trigger")
        #expect((body["dedup_key"] as? String)?.contains("6501") == true, "\(body)")
        let payload = try #require(body["payload"] as? [String: Any])
        #expect(payload["summary"] as? String == "6501")
        #expect(payload["severity"] as? String == "critical")
        #expect((payload["source"] as? String)?.isEmpty == false)
        let details = try #require(payload["custom_details"] as? [String: Any])
        let values = Set(details.values.compactMap { $0 as? String })
        #expect(values.isSuperset(of: ["Customer Support", "Customer Emergency Rotation"]), "\(details)")
        try expectEmergencyRecorded(shift)
    }

    @Test func aServerErrorIsReportedAndTheEmergencyKept() throws {
        let server = try LocalHTTPServer(status: 500)
        let (shift, config) = try shift(eventsURL: "http://127.0.0.1:\(server.port)/v2/enqueue")
        let result = try trigger(shift, config: config)
        #expect(server.wait() != nil, "the server got no request")
        #expect(result.exitCode == 5, "\(result)")
        #expect(result.stderr.contains("PagerDuty send FAILED (HTTP 500)"), "\(result.stderr)")
        #expect(result.stderr.contains("Customer Emergency Rotation"), "the fields to trigger it by hand")
        #expect(result.stdout.contains("emergency 6501 triggered"), "\(result.stdout)")
        try expectEmergencyRecorded(shift)
    }

    /// Issue 14 item 11: a 3xx used to report "sent" while the redirected POST (body lost) paged nobody; now
    /// it is a failure naming the host, and nothing (no routing key) goes to the host it names.
    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectIsAFailureAndTheKeyNeverFollowsIt(status: Int) throws {
        let elsewhere = try LocalHTTPServer(status: 202, acceptTimeout: 4)
        let server = try LocalHTTPServer(
            status: status, location: "http://localhost:\(elsewhere.port)/v2/enqueue")
        let (shift, config) = try shift(eventsURL: "http://127.0.0.1:\(server.port)/v2/enqueue")
        let result = try trigger(shift, config: config)
        #expect(server.wait() != nil, "the server got no request")
        #expect(result.exitCode == 5, "\(result)")
        #expect(result.stderr.contains("not paged: redirected to localhost"), "\(result.stderr)")
        #expect(!result.stdout.contains("trigger sent"), "\(result.stdout)")
        #expect(elsewhere.wait(timeout: 5) == nil, "the redirect was followed")
        try expectEmergencyRecorded(shift)
    }

    @Test func aClosedPortIsReportedAndTheEmergencyKept() throws {
        let port = try LocalHTTPServer.closedPort()
        let (shift, config) = try shift(eventsURL: "http://127.0.0.1:\(port)/v2/enqueue")
        let result = try trigger(shift, config: config)
        #expect(result.exitCode == 5, "\(result)")
        #expect(result.stderr.contains("could not send the trigger"), "\(result.stderr)")
        #expect(result.stderr.contains("trigger it by hand"))
        try expectEmergencyRecorded(shift)
    }

    @Test func withoutARoutingKeyItPrintsTheFieldsToUseByHand() throws {
        let server = try LocalHTTPServer(status: 202, acceptTimeout: 3)
        let (shift, config) = try shift(eventsURL: "http://127.0.0.1:\(server.port)/v2/enqueue")
        let result = try trigger(shift, config: config, key: nil)
        #expect(result.exitCode == 0, "\(result)")
        for field in ["Impacted Service: Customer Support", "Assign to: Customer Emergency Rotation", "Title: 6501"] {
            #expect(result.stdout.contains(field), "\(field) missing: \(result.stdout)")
        }
        #expect(result.stdout.contains("$\(Self.keyVariable)"), "it names the variable to set")
        #expect(server.wait(timeout: 5) == nil, "nothing may be sent without a key")
        try expectEmergencyRecorded(shift)
    }

    @Test func helpDocumentsExitCodeFive() throws {
        let shift = try ShiftFixture()
        let help = try shift.run(["escalation", "trigger", "--help"], globals: false)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("exits 5 (recorded but not paged)"), "\(help.stdout)")
        let root = try shift.run(["--help"], globals: false)
        let rootWords = root.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(rootWords.contains("5 recorded but not paged"), "\(root.stdout)")
    }
}
