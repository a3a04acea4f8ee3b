import Foundation
import OnCallDemo
import OnCallRules
import OnCallStore
import OnCallTUI

/// Figures 1-3, in this process on one store: a frame with countdowns ticking, an acknowledge from key press to
/// the next frame, and a reload after another connection's commit.
enum DashboardFigures {
    static let frameBudget = Budget(limit: 2, statistic: .median)
    static let actionBudget = Budget(limit: 15, statistic: .median)
    static let reloadBudget = Budget(limit: 20, statistic: .median)

    static func measure(_ size: SyntheticSize, context: BenchContext) -> [Figure] {
        let label = size.rawValue
        let config = OnCallConfig.gitlabDefaults
        let store: Store
        let driver: DashboardDriver
        do {
            // `Store(path:)` would create an empty store: measure only one that was built.
            guard FileManager.default.fileExists(atPath: context.storePath(size)) else {
                throw BenchError("it was not built")
            }
            store = try Store(path: context.storePath(size))
            driver = try DashboardDriver(store: store, config: config, actor: "bench", now: context.now)
        } catch {
            let reason = "cannot open the \(label) store: \(error)"
            return [
                .unavailable("frame", size: label, unit: "ms", budget: frameBudget, reason: reason),
                .unavailable("action", size: label, unit: "ms", budget: actionBudget, reason: reason),
                .unavailable("reload", size: label, unit: "ms", budget: reloadBudget, reason: reason),
            ]
        }
        return [
            figure("frame", label, frameBudget) { try frame(driver, context: context) },
            figure("action", label, actionBudget) { try action(driver, context: context) },
            figure("reload", label, reloadBudget) { try reload(driver, context: context) },
        ]
    }

    private static func figure(
        _ name: String, _ size: String, _ budget: Budget, _ work: () throws -> (Samples, String)
    ) -> Figure {
        do {
            let (samples, note) = try work()
            return Figure(name, size: size, unit: "ms", samples: samples, budget: budget, note: note)
        } catch {
            return .unavailable(name, size: size, unit: "ms", budget: budget, reason: "\(error)")
        }
    }

    /// One frame a second: the clock moves 1 s, `.tick` refreshes what depends on it, the view is drawn into a
    /// cell buffer at 200x60 and diffed against the last one.
    static func frame(_ driver: DashboardDriver, context: BenchContext) throws -> (Samples, String) {
        let runs = context.quick ? 200 : 1_000
        var samples = Samples()
        var cells = Samples()
        for _ in 0..<20 { _ = try tickAndDraw(driver) }  // warm caches
        for _ in 0..<runs {
            let (diff, ms) = try Monotonic.milliseconds { try tickAndDraw(driver) }
            samples.add(ms)
            cells.add(Double(diff.cells))
        }
        let rows = driver.state.overview
        return (
            samples,
            "200x60, +1 s per frame; \(Int(cells.median)) cells rewritten per frame (median); panes hold "
                + "\(rows.emergencies.count)/\(rows.escalations.count)/\(rows.frt.count) items"
        )
    }

    private static func tickAndDraw(_ driver: DashboardDriver) throws -> CellDiff {
        driver.now += 1
        try driver.dispatch(.tick)
        return driver.frame()
    }

    /// Key `a` on a new escalation in the queue: rules -> one durable transaction (synchronous=FULL) -> board
    /// reloaded -> next frame. Untimed around it: a new escalation is added before and resolved after, so every
    /// run acknowledges a fresh one and the board keeps its size.
    static func action(_ driver: DashboardDriver, context: BenchContext) throws -> (Samples, String) {
        let runs = context.quick ? 30 : 100
        var samples = Samples()
        var stages: [ReloadStages] = []
        var commits = Samples()
        for run in 0..<(runs + 3) {
            let id = Int64(1_000_000 + run)
            let now = driver.now
            let star = Escalation(
                id: id, ticket: nil, title: "Bench escalation \(run)", customer: "Bench Corp", urgency: .urgent,
                announcedAt: now.addingTimeInterval(-60))
            try driver.runner.run(.addEscalation(star), actor: "bench", now: now, expecting: nil)
            try driver.reload()
            driver.select(RecordRef(.escalation, id), in: .escalations)
            driver.frame()

            let (_, ms) = try Monotonic.milliseconds {
                try driver.dispatch(.key(.char("a")))
                driver.frame()
            }
            guard let acked = try driver.store.loadBoard(now: now).escalations.first(where: { $0.id == id }),
                acked.state == .acknowledged
            else {
                throw BenchError("key a did not acknowledge escalation \(id): \(driver.lastOutcome?.message ?? "no outcome")")
            }
            if run >= 3 {  // the first runs warm statement caches
                samples.add(ms)
                stages.append(driver.lastReload)
                commits.add(driver.lastCommitMilliseconds)
            }

            try driver.runner.run(
                .resolveEscalation(id: id, labels: ["Escalation::Response-Time"], comment: nil), actor: "bench",
                now: now, expecting: nil)
            try driver.reload()
        }
        return (
            samples,
            "key a -> rules -> commit (synchronous=FULL, fsync) -> reload -> 200x60 frame; commit median "
                + TableReport.number(commits.median) + " ms; reload " + ReloadStages.summary(stages)
        )
    }

    /// A second `Store` (its own SQLite connections, standing in for another process: `data_version` is per
    /// connection) adds an escalation; timed: `hasExternalChanges` -> load the open records -> overview ->
    /// next frame. The real dashboard polls every `pollMilliseconds` (500 ms by default): add up to that.
    static func reload(_ driver: DashboardDriver, context: BenchContext) throws -> (Samples, String) {
        let runs = context.quick ? 30 : 100
        var samples = Samples()
        var stages: [ReloadStages] = []
        let other = StoreCommandRunner(store: try Store(path: driver.store.path), config: driver.config)
        for run in 0..<(runs + 3) {
            let id = Int64(2_000_000 + run)
            let now = driver.now
            let star = Escalation(
                id: id, title: "Arrived from elsewhere \(run)", customer: "Other Process Inc", urgency: .timely,
                announcedAt: now.addingTimeInterval(-30))
            try other.run(.addEscalation(star), actor: "other", now: now, expecting: nil)
            let (noticed, ms) = try Monotonic.milliseconds { () throws -> Bool in
                guard try driver.store.hasExternalChanges() else { return false }
                try driver.reload()
                driver.frame()
                return true
            }
            guard noticed else { throw BenchError("the dashboard's store did not notice the other connection's commit") }
            guard driver.state.overview.escalations.contains(where: { $0.escalation.id == id }) else {
                throw BenchError("escalation \(id) is not in the reloaded overview")
            }
            if run >= 3 {
                samples.add(ms)
                stages.append(driver.lastReload)
            }

            try other.run(.rejectEscalation(id: id, reason: "bench clean-up"), actor: "other", now: now, expecting: nil)
            _ = try driver.store.hasExternalChanges()
            try driver.reload()
        }
        let poll = driver.config.dashboard.pollMilliseconds
        return (
            samples,
            "other connection commits -> data_version -> reload open records -> frame; plus up to \(poll) ms poll wait; "
                + ReloadStages.summary(stages)
        )
    }
}
