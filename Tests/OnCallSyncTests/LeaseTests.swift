import Foundation
import OnCallStore
import Testing

@testable import OnCallSync

@Suite("The pull lease: one puller per store")
struct LeaseTests {
    @Test("a live lease keeps another process out; it takes over once the lease expires")
    func takeover() async throws {
        let h = try SyncHarness()
        let now = Date()
        let first = try h.store.acquireLease(pid: 100, host: "a", now: now, duration: 60)
        #expect(first.pid == 100)
        let second = try h.store.acquireLease(pid: 200, host: "b", now: now.addingTimeInterval(30), duration: 60)
        #expect(second.pid == 100)
        let renewed = try h.store.acquireLease(pid: 100, host: "a", now: now.addingTimeInterval(40), duration: 60)
        #expect(renewed.pid == 100 && renewed.acquiredAt == first.acquiredAt)
        let taken = try h.store.acquireLease(pid: 200, host: "b", now: now.addingTimeInterval(101), duration: 60)
        #expect(taken.pid == 200)
        try h.store.releaseLease(pid: 200, host: "b")
        #expect(try h.store.lease() == nil)
        await h.close()
    }
}
