import Foundation
import GRDB
import OnCallVendorFake
import Testing

/// kill -9 during a pull loses nothing: what was committed is whole (records with the cursor that brought
/// them), and the next pull resumes from that cursor (issue 11).
@Suite(.serialized, .needsOncallBinary)
struct SyncKillTests {
    @Test func killDuringAPullLosesNothingAndTheNextPullResumesFromTheCommittedCursor() throws {
        let fixture = try SyncFixture(tickets: 250, escalations: 0, emergencies: 0)
        defer { fixture.close() }
        fixture.fake.edit { $0.zendeskPageSize = 50 }
        // Pages 1 and 2 are answered, page 3 hangs: the process is killed while it waits.
        fixture.fake.inject(.hang, prefix: "/api/v2/incremental", count: nil, skip: 2)
        var environment = fixture.shift.environment
        environment.merge(SyncFixture.tokens(["zendesk"])) { $1 }
        let pid = try ProcessRunner.spawn(
            fixture.shift.arguments(["--config", fixture.config, "sync", "--once"]), environment: environment,
            stdinPath: "/dev/null", stdoutPath: "/dev/null", stderrPath: "/dev/null")
        let deadline = Date().addingTimeInterval(30)
        while fixture.fake.requests.count < 3 && Date() < deadline { usleep(20_000) }
        #expect(fixture.fake.requests.count == 3)
        kill(pid, SIGKILL)
        _ = ProcessRunner.wait(pid: pid, timeout: 10)

        let queue = try DatabaseQueue(path: fixture.shift.store)
        let (tickets, cursor) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket") ?? -1,
                try String.fetchOne(
                    db, sql: "SELECT value FROM sync_cursor WHERE source = 'zendesk' AND name = 'after_cursor'")
            )
        }
        try queue.close()
        #expect(tickets == 100)
        let second = try #require(fixture.fake.requests.dropFirst(1).first)
        let third = fixture.fake.requests[2]
        // The committed cursor is the one page 2 ended with: the hanging request asked for it.
        #expect(cursor != nil && cursor == third.value("cursor"))
        #expect(second.value("cursor") != third.value("cursor"))

        fixture.fake.clearFaults()
        fixture.fake.clearRequests()
        let result = try fixture.run(["sync", "--once"], tokens: ["zendesk"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(fixture.fake.requests.first?.value("cursor") == cursor)
        #expect(result.stdout.contains("150 new"), "\(result.stdout)")
    }
}
