import Foundation
import OnCallDemo
import Testing

@testable import oncall_bench

/// The in-process figures run end to end on a small synthetic store: every acknowledge commits, every other
/// connection's commit is noticed, and each figure has its samples (what they measure is not asserted).
@Suite struct DashboardFiguresTests {
    @Test func smallStoreGivesFrameActionAndReload() throws {
        let context = try BenchContext.make(quick: true, seed: 7)
        defer { try? FileManager.default.removeItem(atPath: context.directory) }
        try BenchStore.build(path: context.storePath(.small), size: .small, seed: 7, now: context.now)

        let figures = DashboardFigures.measure(.small, context: context)

        #expect(figures.map(\.name) == ["frame", "action", "reload"])
        for figure in figures {
            #expect(figure.unavailable == nil, "\(figure.name): \(figure.unavailable ?? "")")
            #expect(figure.runs > 0)
            #expect(figure.median > 0)
            #expect(figure.p99 >= figure.median)
        }
    }

    @Test func missingStoreIsNotAvailableWithTheReason() throws {
        var context = try BenchContext.make(quick: true, seed: 7)
        let directory = context.directory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        context.directory += "/no/such/dir"
        let figures = DashboardFigures.measure(.small, context: context)
        #expect(figures.count == 3)
        #expect(figures.allSatisfy { $0.unavailable != nil })
    }
}
