import Foundation
import OnCallRules

/// A seeded synthetic store for benchmarks, handed out in batches so a caller can write it without holding
/// everything twice. Each batch is a `Board` with records of one kind: tickets, then escalations, then
/// emergencies, then the rota. Same size, seed and `now`: the same records, whatever the batch size.
public struct SyntheticData: Sequence, Sendable {
    public let generator: SyntheticGenerator
    public let batchSize: Int

    public init(size: SyntheticSize, seed: UInt64 = 42, now: Date, batchSize: Int = 5_000) {
        self.init(spec: size.spec, seed: seed, now: now, batchSize: batchSize)
    }

    public init(spec: SyntheticSpec, seed: UInt64 = 42, now: Date, batchSize: Int = 5_000) {
        precondition(batchSize > 0, "batchSize must be positive")
        generator = SyntheticGenerator(spec: spec, seed: seed, now: now)
        self.batchSize = batchSize
    }

    /// Everything in one board (fine for the small size and tests).
    public func board() -> Board {
        var all = Board()
        for batch in self {
            all.tickets += batch.tickets
            all.escalations += batch.escalations
            all.emergencies += batch.emergencies
            all.rota += batch.rota
        }
        return all
    }

    public func makeIterator() -> Iterator { Iterator(generator: generator, batchSize: batchSize) }

    /// Walks the kinds in order, one batch at a time.
    public struct Iterator: IteratorProtocol {
        let generator: SyntheticGenerator
        let batchSize: Int
        private var kind = 0
        private var offset = 0

        init(generator: SyntheticGenerator, batchSize: Int) {
            self.generator = generator
            self.batchSize = batchSize
        }

        public mutating func next() -> Board? {
            let spec = generator.spec
            let counts = [spec.tickets, spec.escalations, spec.emergencies, generator.rotaCount]
            while kind < counts.count, offset >= counts[kind] {
                kind += 1
                offset = 0
            }
            guard kind < counts.count else { return nil }
            let range = offset..<Swift.min(offset + batchSize, counts[kind])
            offset = range.upperBound
            switch kind {
            case 0: return Board(tickets: range.map(generator.ticket))
            case 1: return Board(escalations: range.map(generator.escalation))
            case 2: return Board(emergencies: range.map(generator.emergency))
            default: return Board(rota: range.map(generator.rotaEntry))
            }
        }
    }
}
