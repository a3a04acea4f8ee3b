import Foundation
import OnCallDemo
import OnCallRules
import Testing

/// The synthetic stores are deterministic, exactly the promised size, and consistent with `now`.
@Suite struct SyntheticDataTests {
    static let now = try! Date("2026-11-27T14:05:00Z", strategy: .iso8601)

    /// Counts of one run through the batches, without keeping the records.
    struct Counts: Equatable {
        var tickets = 0, waiting = 0, escalations = 0, open = 0, emergencies = 0, active = 0, rota = 0
        var maxBatch = 0
        var allBeforeNow = true
    }

    static func count(_ data: SyntheticData) -> Counts {
        var counts = Counts()
        for batch in data {
            let kinds = [batch.tickets.count, batch.escalations.count, batch.emergencies.count, batch.rota.count]
            counts.maxBatch = max(counts.maxBatch, kinds.reduce(0, +))
            counts.tickets += batch.tickets.count
            counts.waiting += batch.tickets.filter { $0.awaitsFirstReply }.count
            counts.escalations += batch.escalations.count
            counts.open += batch.escalations.filter { $0.state.isOpen }.count
            counts.emergencies += batch.emergencies.count
            counts.active += batch.emergencies.filter { $0.state.isOpen }.count
            counts.rota += batch.rota.count
            var past = batch.tickets.flatMap { [$0.createdAt, $0.firstReplyAt].compactMap { $0 } }
            past += batch.escalations.flatMap { [$0.announcedAt, $0.acknowledgedAt, $0.closedAt].compactMap { $0 } }
            past += batch.emergencies.flatMap { e in
                [e.pagedAt, e.engineerAcknowledgedAt, e.resolvedAt].compactMap { $0 } + e.handoffs.map(\.at)
            }
            if !past.allSatisfy({ $0 < now }) { counts.allBeforeNow = false }
        }
        return counts
    }

    @Test(arguments: SyntheticSize.allCases) func countsPerSizeAreExact(size: SyntheticSize) {
        let spec = size.spec
        let counts = Self.count(SyntheticData(size: size, now: Self.now, batchSize: 4_000))
        #expect(counts.tickets == spec.tickets)
        #expect(counts.waiting == spec.waitingTickets)
        #expect(counts.escalations == spec.escalations)
        #expect(counts.open == spec.openEscalations)
        #expect(counts.emergencies == spec.emergencies)
        #expect(counts.active == spec.activeEmergencies)
        #expect(counts.rota == (spec.historyDays + 8) * 3)
        #expect(counts.maxBatch <= 4_000)
        #expect(counts.allBeforeNow)
    }

    @Test func issueFiveSizes() {
        #expect(SyntheticSize.small.spec.tickets == 1_000 && SyntheticSize.small.spec.escalations == 100)
        #expect(SyntheticSize.small.spec.emergencies == 10)
        #expect(SyntheticSize.medium.spec.tickets == 10_000 && SyntheticSize.medium.spec.escalations == 1_000)
        #expect(SyntheticSize.medium.spec.emergencies == 100)
        let large = SyntheticSize.large.spec
        #expect(large.tickets == 100_000 && large.waitingTickets == 2_000)
        #expect(large.escalations == 10_000 && large.openEscalations == 200)
        #expect(large.emergencies == 1_000 && large.activeEmergencies == 20 && large.historyDays == 365)
    }

    @Test func sameSeedSameRecordsWhateverTheBatchSize() {
        let a = SyntheticData(size: .small, seed: 7, now: Self.now, batchSize: 5_000).board()
        let b = SyntheticData(size: .small, seed: 7, now: Self.now, batchSize: 37).board()
        #expect(a == b)
        let c = SyntheticData(size: .small, seed: 8, now: Self.now).board()
        #expect(a.tickets != c.tickets)
        #expect(a.tickets.count == 1_000 && c.tickets.count == 1_000)
    }

    @Test func recordsAreValidAndIdsUnique() {
        let board = SyntheticData(size: .medium, now: Self.now).board()
        #expect(Set(board.tickets.map(\.id)).count == board.tickets.count)
        #expect(Set(board.escalations.map(\.id)).count == board.escalations.count)
        #expect(Set(board.emergencies.map(\.id)).count == board.emergencies.count)
        #expect(Set(board.escalations.map(\.state)) == Set(EscalationState.allCases))
        #expect(board.escalations.filter { $0.state == .rejected }.allSatisfy { $0.rejectionReason != nil })
        #expect(board.escalations.filter { $0.state == .assigned }.allSatisfy { $0.owner != nil })
        #expect(board.emergencies.filter { $0.state == .resolved }.allSatisfy { $0.resolvedAt != nil })
        #expect(board.tickets.contains { $0.organization == nil })
        #expect(board.tickets.contains { $0.slaBreachAt != nil && $0.slaBreachAt! < Self.now })
        #expect(board.tickets.contains { $0.slaBreachAt != nil && $0.slaBreachAt! > Self.now })
        #expect(board.tickets.allSatisfy { $0.firstReplyAt == nil || $0.firstReplyAt! > $0.createdAt })
        let oldest = board.tickets.map(\.createdAt).min()!
        #expect(Self.now.timeIntervalSince(oldest) > 300 * 86_400)
        for (earlier, later) in zip(board.rota, board.rota.dropFirst()) { #expect(earlier.end == later.start) }
    }

    @Test func prngIsStable() {
        var rng = SplitMix64(seed: 0)
        // Reference values of SplitMix64 seeded with 0.
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        var bounded = SplitMix64(seed: 1)
        #expect((0..<1_000).allSatisfy { _ in (0..<6).contains(bounded.below(6)) })
    }
}
