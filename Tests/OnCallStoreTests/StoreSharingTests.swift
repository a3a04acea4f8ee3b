import Foundation
import OnCallRules
import Testing

@testable import OnCallStore

@Suite("Two stores on one file")
struct StoreSharingTests {
    @Test("each sees the other's commits through hasExternalChanges and loadBoard, never its own")
    func twoStoresSeeEachOther() throws {
        let dir = try TemporaryDirectory()
        let dashboard = try Store(path: dir.store)
        let cli = try Store(path: dir.store)
        #expect(try dashboard.hasExternalChanges() == false)  // first poll
        #expect(try cli.hasExternalChanges() == false)
        #expect(try dashboard.hasExternalChanges() == false)  // nothing happened

        try cli.write([.escalation(Sample.escalation(88))])
        #expect(try dashboard.hasExternalChanges() == true)
        #expect(try dashboard.hasExternalChanges() == false)  // reported once
        #expect(try cli.hasExternalChanges() == false)  // its own commit
        #expect(try dashboard.loadBoard(now: When.now).escalations.map(\.id) == [88])

        try dashboard.write([.escalation(Sample.escalation(88, state: .acknowledged))])
        #expect(try dashboard.hasExternalChanges() == false)
        #expect(try cli.hasExternalChanges() == true)
        #expect(try cli.loadBoard(now: When.now).escalations.first?.state == .acknowledged)

        // A dry run or a refused command commits nothing: no change to report.
        try cli.perform(dryRun: true) { _ in Sample.outcome([.ticket(Sample.ticket(1))]) }
        _ = try? cli.perform { _ in throw RuleError.refused("no") }
        #expect(try dashboard.hasExternalChanges() == false)
    }

    @Test("writers on two connections queue up instead of failing, and no update is lost")
    func concurrentWritersWait() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.store
        _ = try Store(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let store = try Store(path: path)
                    for i in 0..<25 {
                        try store.write([.ticket(Sample.ticket(Int64(writer * 100 + i)))])
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try Store(path: path)
        #expect(try store.counts().tickets == 100)
        #expect(try store.counts().auditEvents == 100)
        #expect(try store.integrityCheck() == ["ok"])
    }
}
