import Foundation
import OnCallRules

/// Runs the dashboard: loads, draws, waits for a key or the next visible change, runs effects, polls the
/// store for other processes' commits. Blocks until `q` or a terminating signal; the caller closes the screen.
///
/// ```swift
/// let loop = DashboardLoop(screen: terminal, backend: backend, options: DashboardOptions(actor: "alice"))
/// loop.run()
/// ```
public final class DashboardLoop {
    let screen: any Screen
    let backend: any DashboardBackend
    public private(set) var state: DashboardState
    /// Monotonic time of the last store poll, in milliseconds.
    private var lastPoll: UInt64 = 0
    private var lastSecond: Int64 = .min
    private var quit = false
    /// Something changed since the last draw (a tick, a message, a resize): idle wakes for a poll that finds
    /// nothing skip the view and the diff entirely.
    private var dirty = true
    /// A confirmation opened since the last draw: once it is on screen, type-ahead is discarded so only a key
    /// pressed after the question appeared can answer it.
    private var questionOpened = false
    /// Why the loop ended: nil after `q`, the signal number after `.terminate`.
    public private(set) var exitSignal: Int32?
    /// Monotonic clock in milliseconds; tests can replace it.
    var monotonicMilliseconds: () -> UInt64 = { DispatchTime.now().uptimeNanoseconds / 1_000_000 }

    public init(screen: any Screen, backend: any DashboardBackend, options: DashboardOptions) {
        self.screen = screen
        self.backend = backend
        let size = screen.size
        state = DashboardState(config: backend.config, options: options, width: size.width, height: size.height)
    }

    /// Runs until quit. Never throws: errors become the status line.
    public func run() {
        reload()
        lastPoll = monotonicMilliseconds()
        while !quit {
            step()
        }
    }

    /// One turn: draw, wait for an event (bounded by the next visible change), handle it, poll if due.
    public func step() {
        let now = backend.now()
        let second = Int64(now.timeIntervalSince1970.rounded(.down))
        if second != lastSecond {
            lastSecond = second
            dispatch(.tick)
        }
        if dirty || screen.size != (state.width, state.height) { draw(now: now) }
        if questionOpened {
            questionOpened = false
            screen.discardPendingInput()
        }
        let event = screen.nextEvent(timeoutMilliseconds: waitMilliseconds(now: now))
        switch event {
        case .key(let key):
            dispatch(.key(key))
        case .resize(let width, let height):
            dispatch(.resize(width: width, height: height))
            screen.invalidate()
        case .timeout:
            break
        case .terminate(let signal):
            exitSignal = signal
            quit = true
            return
        case .resumed:
            screen.invalidate()
            dirty = true
        }
        pollIfDue()
    }

    /// Milliseconds until the next whole second (countdowns) or the next poll, whichever is first; at least 1.
    func waitMilliseconds(now: Date) -> Int {
        let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
        let toSecond = Int(((1 - fraction) * 1000).rounded(.up))
        let poll = max(50, backend.config.dashboard.pollMilliseconds)
        let elapsed = Int(monotonicMilliseconds() &- lastPoll)
        let toPoll = max(0, poll - elapsed)
        return max(1, min(toSecond, toPoll, 1000))
    }

    private func pollIfDue() {
        let poll = UInt64(max(50, backend.config.dashboard.pollMilliseconds))
        let t = monotonicMilliseconds()
        guard t &- lastPoll >= poll else { return }
        lastPoll = t
        do {
            if try backend.hasExternalChanges() { reload() }
        } catch {
            dispatch(.loadFailed(Self.describe(error)))
        }
    }

    private func draw(now: Date) {
        let size = screen.size
        if size.width != state.width || size.height != state.height {
            dispatch(.resize(width: size.width, height: size.height))
        }
        screen.draw(Dashboard.view(state, now: now, width: state.width, height: state.height))
        dirty = false
    }

    private func reload() {
        do {
            let board = try backend.load()
            dispatch(.loaded(Overview.make(from: board, config: backend.config, reusing: state.overview)))
        } catch {
            dispatch(.loadFailed(Self.describe(error)))
        }
    }

    /// Feeds a message to `update` and runs the effects it returns (which may feed more messages).
    public func dispatch(_ msg: Msg) {
        let (next, effects) = Dashboard.update(state, msg, now: backend.now())
        if case .confirm(let question) = next.modal, state.modal != .confirm(question) { questionOpened = true }
        state = next
        dirty = true
        for effect in effects { run(effect) }
    }

    private func run(_ effect: Effect) {
        switch effect {
        case .execute(let command, let expecting):
            do {
                let outcome = try backend.runner.run(
                    command, actor: backend.actor, now: backend.now(), expecting: expecting)
                var message = outcome.message
                for page in outcome.pages {
                    // A failure leads, so a narrow status line cannot cut it off.
                    let result = backend.send(page)
                    message = result.isFailure ? result.line(page) + " · " + message : message + " · " + result.line(page)
                }
                dispatch(.executed(message))
            } catch {
                dispatch(.failed(Self.describe(error)))
            }
            reload()
        case .reload:
            reload()
        case .bell:
            screen.bell()
        case .setTitle(let title):
            screen.setTitle(SafeText.clean(title))
        case .loadHistory(let ref):
            do {
                dispatch(.history(ref, try backend.history(of: ref, limit: 200)))
            } catch {
                dispatch(.history(ref, []))
                dispatch(.failed("history of \(ref): \(Self.describe(error))"))
            }
        case .loadReport:
            do {
                dispatch(.report(try backend.handoffReport()))
            } catch {
                dispatch(.failed("hand-off report: \(Self.describe(error))"))
            }
        case .saveReport(let text, let path, let replacing):
            do {
                dispatch(.saved(try backend.save(text, to: path, replacing: replacing)))
            } catch is ReportFileExists {
                dispatch(.saveWouldReplace(text: text, path: path))
            } catch {
                dispatch(.failed("could not save the report to \(path): \(Self.describe(error))"))
            }
        case .redraw:
            screen.invalidate()
        case .quit:
            quit = true
        }
    }

    /// The one line shown for an error: the rules' own text for a `RuleError`.
    static func describe(_ error: any Error) -> String {
        if let rule = error as? RuleError { return rule.description }
        if let localized = error as? LocalizedError, let text = localized.errorDescription { return text }
        return String(describing: error)
    }
}
