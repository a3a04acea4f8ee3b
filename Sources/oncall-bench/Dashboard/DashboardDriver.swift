import Foundation
import OnCallRules
import OnCallStore
import OnCallTUI

/// The dashboard without a terminal: the same steps `DashboardLoop` takes (update, effects through the rules
/// into the store, reload, view), with the clock in the bench's hands and each frame diffed by `CellDiff`
/// instead of drawn. The figures time these steps.
final class DashboardDriver {
    static let width = 200
    static let height = 60

    let store: Store
    let config: OnCallConfig
    /// The one command runner, as the CLI and the dashboard use it.
    let runner: StoreCommandRunner
    let actor: String
    private(set) var state: DashboardState
    /// The clock the dashboard sees; the bench moves it.
    var now: Date
    private var previous: CellBuffer?
    /// The last outcome committed through `.execute`, and how long its transaction took (snapshot check and rules included).
    private(set) var lastOutcome: Outcome?
    private(set) var lastCommitMilliseconds = 0.0

    init(store: Store, config: OnCallConfig, actor: String, now: Date) throws {
        self.store = store
        self.config = config
        runner = StoreCommandRunner(store: store, config: config)
        self.actor = actor
        self.now = now
        let options = DashboardOptions(actor: actor, timeZone: TimeZone(identifier: "UTC")!)
        state = DashboardState(config: config, options: options, width: Self.width, height: Self.height)
        _ = try store.hasExternalChanges()  // the first call sets the baseline
        try reload()
        _ = frame()
    }

    /// Milliseconds the last `reload` spent in each stage.
    private(set) var lastReload = ReloadStages()

    /// Loads the open records and hands the overview to `update`, as the loop does.
    func reload() throws {
        let (board, load) = try Monotonic.milliseconds { try store.loadBoard(now: now) }
        let (overview, make) = Monotonic.milliseconds { Overview.make(from: board, config: config) }
        let (_, update) = try Monotonic.milliseconds { try dispatch(.loaded(overview)) }
        lastReload = ReloadStages(load: load, overview: make, update: update)
    }

    /// Feeds a message to `update` and runs the effects that touch data; refusals throw (a bench bug).
    func dispatch(_ msg: Msg) throws {
        let (next, effects) = Dashboard.update(state, msg, now: now)
        state = next
        for effect in effects {
            switch effect {
            case .execute(let command, let expecting):
                let (outcome, ms) = try Monotonic.milliseconds {
                    try runner.run(command, actor: actor, now: now, expecting: expecting)
                }
                lastOutcome = outcome
                lastCommitMilliseconds = ms
                try dispatch(.executed(outcome.message))
                try reload()
            case .reload:
                try reload()
            case .bell, .setTitle, .loadHistory, .loadReport, .saveReport, .redraw, .quit:
                break  // not on the measured paths
            }
        }
    }

    /// Selects a record in a pane, as the arrow keys would.
    func select(_ ref: RecordRef, in pane: Pane) {
        state.focus = pane
        state.selection[pane] = ref
    }

    /// Views the state at `now` and diffs it against the previous frame.
    @discardableResult
    func frame() -> CellDiff {
        let buffer = Dashboard.view(state, now: now, width: Self.width, height: Self.height)
        let diff = CellDiff(from: previous, to: buffer)
        previous = buffer
        return diff
    }

    /// The text of the last frame, one line per row (to check what the bench measured is on screen).
    var screenText: String {
        guard let previous else { return "" }
        return (0..<previous.height).map { y in
            (0..<previous.width).map { previous[$0, y].text }.joined()
        }.joined(separator: "\n")
    }
}
