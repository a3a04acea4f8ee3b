import Testing

@testable import oncall_bench

@Suite struct SamplesTests {
    @Test(arguments: [
        ([5.0], 5.0, 5.0),
        ([1.0, 2, 3], 2.0, 3.0),
        ([4.0, 1, 3, 2], 2.0, 4.0),
        (Array(stride(from: 1.0, through: 100, by: 1)), 50.0, 99.0),
        (Array(stride(from: 1.0, through: 1000, by: 1)), 500.0, 990.0),
    ])
    func medianAndP99AreNearestRank(values: [Double], median: Double, p99: Double) {
        let samples = Samples(values)
        #expect(samples.median == median)
        #expect(samples.p99 == p99)
        #expect(samples.count == values.count)
    }

    @Test func emptySamplesAreZero() {
        #expect(Samples().median == 0)
        #expect(Samples().p99 == 0)
    }

    @Test(arguments: [
        (Budget(limit: 2, statistic: .median), 2.0, 9.0, true),
        (Budget(limit: 2, statistic: .median), 2.1, 2.1, false),
        (Budget(limit: 300, statistic: .p99), 1.0, 301.0, false),
        (Budget(limit: 10_000, statistic: .median, direction: .atLeast), 10_000.0, 0.0, true),
        (Budget(limit: 10_000, statistic: .median, direction: .atLeast), 9_999.0, 20_000.0, false),
    ])
    func budgetHoldsTheChosenStatistic(budget: Budget, median: Double, p99: Double, passes: Bool) {
        #expect(budget.passes(median: median, p99: p99) == passes)
    }
}
