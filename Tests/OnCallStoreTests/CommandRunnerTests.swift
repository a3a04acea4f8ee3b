import Foundation
import OnCallRules
import Testing

@testable import OnCallStore

/// The one command runner over the store: rules on a snapshot before the lock, the revision check, the
/// outcome as written with its after-commit effects.
@Suite struct CommandRunnerTests {
    let config = OnCallConfig.gitlabDefaults

    /// A store with escalation 88 (ticket 4_242_424) added by alice.
    func seeded(_ dir: TemporaryDirectory) throws -> StoreCommandRunner {
        let runner = StoreCommandRunner(store: try Store(path: dir.store), config: config)
        let star = Escalation(
            id: 88, ticket: 4_242_424, title: "Pipelines down", customer: "Acme", urgency: .urgent,
            announcedAt: When.at(-10))
        try runner.run(.addEscalation(star), actor: "alice", now: When.now, expecting: nil)
        return runner
    }

    @Test func aRefusalComesFromTheSnapshotWithoutWaitingForTheWriteLock() throws {
        let dir = try TemporaryDirectory()
        let seededRunner = try seeded(dir)
        try seededRunner.run(.acknowledgeEscalation(id: 88), actor: "alice", now: When.now, expecting: nil)
        // A short busy timeout: a runner that took the lock before the rules would fail with `locked`.
        let runner = StoreCommandRunner(store: try Store(path: dir.store, busyTimeout: 0.2), config: config)
        let holder = try Store(path: dir.store)
        try holder.perform { _ in
            let refused = #expect(throws: RuleError.self) {
                try runner.run(.acknowledgeEscalation(id: 88), actor: "bob", now: When.now, expecting: nil)
            }
            #expect(refused?.description.contains("88") == true, "\(String(describing: refused))")
            #expect(throws: RuleError.self) {
                try runner.check(.acknowledgeEscalation(id: 88), actor: "bob", now: When.now, expecting: nil)
            }
            // An accepted command does need the lock, and says the store is locked.
            let locked = #expect(throws: StoreError.self) {
                try runner.run(.assignEscalation(id: 88, owner: "carol"), actor: "bob", now: When.now, expecting: nil)
            }
            #expect(locked == .locked(path: dir.store, waitedSeconds: 0.2))
            return Outcome(message: "holding the lock")
        }
        #expect(try runner.store.loadBoard(now: When.now).escalations.first?.owner == nil)
    }

    @Test func aStaleExpectedRevisionIsAConflictNamingTheRecordsState() throws {
        let dir = try TemporaryDirectory()
        let runner = try seeded(dir)
        let seen = ExpectedRevision(RecordRef(.escalation, 88), revision: 1)
        let acked = try runner.run(.acknowledgeEscalation(id: 88), actor: "bob", now: When.now, expecting: seen)
        #expect(acked.escalation?.revision == 2, "the outcome carries the records as written")
        let stale = #expect(throws: RuleError.self) {
            try runner.run(.assignEscalation(id: 88, owner: "carol"), actor: "alice", now: When.now, expecting: seen)
        }
        #expect(stale?.description.contains("changed since you loaded it: now acknowledged by bob") == true)
        #expect(throws: RuleError.self) {
            try runner.check(.assignEscalation(id: 88, owner: "carol"), actor: "alice", now: When.now, expecting: seen)
        }
        let fresh = ExpectedRevision(RecordRef(.escalation, 88), revision: 2)
        let assigned = try runner.run(
            .assignEscalation(id: 88, owner: "carol"), actor: "alice", now: When.now, expecting: fresh)
        #expect(assigned.escalation?.owner == "carol" && assigned.escalation?.revision == 3)
    }

    @Test func theOutcomeCarriesThePageToSendAfterTheCommit() throws {
        let dir = try TemporaryDirectory()
        let runner = try seeded(dir)
        try runner.run(.acknowledgeEscalation(id: 88), actor: "alice", now: When.now, expecting: nil)
        let triggered = try runner.run(.triggerEmergency(escalationId: 88), actor: "alice", now: When.now, expecting: nil)
        let page = OutboundPage(
            summary: "4242424", dedupKey: "oncall-emergency-4242424", impactedService: "Customer Support",
            assignTo: "Customer Emergency Rotation", emergencyId: 4_242_424)
        #expect(triggered.effects == [.page(page)])
        // Committed before anyone sends it: the emergency is in the store.
        #expect(try runner.store.loadBoard(now: When.now).emergencies.map(\.id) == [4_242_424])
        let plain = try runner.run(.leadEmergency(id: 4_242_424), actor: "alice", now: When.now, expecting: nil)
        #expect(plain.effects.isEmpty)
    }
}

extension Outcome {
    /// The escalation the outcome wrote, as written.
    fileprivate var escalation: Escalation? {
        changes.compactMap { if case .escalation(let e) = $0 { e } else { nil } }.first
    }
}
