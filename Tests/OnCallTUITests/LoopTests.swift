import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// A terminal in memory: scripted events, recorded frames, a fake clock that advances by each wait.
final class FakeScreen: Screen {
    var size: (width: Int, height: Int)
    var events: [ScreenEvent]
    var frames: [CellBuffer] = []
    var timeouts: [Int] = []
    var bells = 0
    var titles: [String] = []
    var invalidations = 0
    var closed = false
    /// Called before each event is returned, with its index (to change the world "meanwhile").
    var meanwhile: (Int) -> Void = { _ in }
    /// Milliseconds of fake time; each wait that times out advances it by the timeout.
    var milliseconds: UInt64 = 1_000_000
    var backend: FakeBackend?

    init(width: Int = 120, height: Int = 40, events: [ScreenEvent]) {
        size = (width, height)
        self.events = events
    }

    func draw(_ buffer: CellBuffer) { frames.append(buffer) }
    func invalidate() { invalidations += 1 }
    var discarded: [ScreenEvent] = []
    /// Type-ahead is the keys already queued: drop them up to the first non-key event.
    func discardPendingInput() {
        while let first = events.first, case .key = first {
            discarded.append(events.removeFirst())
        }
    }
    func bell() { bells += 1 }
    func setTitle(_ title: String) { titles.append(title) }
    func close() { closed = true }

    func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent {
        timeouts.append(timeoutMilliseconds)
        let index = timeouts.count - 1
        meanwhile(index)
        guard !events.isEmpty else { return .terminate(signal: 15) }
        let event = events.removeFirst()
        if event == .timeout {
            milliseconds += UInt64(timeoutMilliseconds)
            backend?.clock.addTimeInterval(Double(timeoutMilliseconds) / 1000)
        }
        return event
    }

    var lastText: String { frames.last.map(Snapshot.text) ?? "" }
}

/// The store in memory: commands go through the real rules (a `BoardRunner`) and are applied to the board.
/// Used from one thread only: the loop tests run their workers inline.
final class FakeBackend: DashboardBackend, @unchecked Sendable {
    var board: Board
    var clock: Date
    let config: OnCallConfig
    let actor = "alice"
    var external = false
    var loads = 0
    var executed: [Command] = []
    var failNextLoad = false

    init(board: Board, now: Date = Fixtures.now.addingTimeInterval(0.25)) {
        self.board = board
        clock = now
        var config = Fixtures.config
        config.dashboard = DashboardSettings(bell: true, pollMilliseconds: 500)
        self.config = config
    }

    func now() -> Date { clock }

    func load() throws -> Board {
        loads += 1
        if failNextLoad {
            failNextLoad = false
            throw RuleError.invalid("store is locked")
        }
        return board
    }

    func hasExternalChanges() throws -> Bool {
        defer { external = false }
        return external
    }

    var runner: any CommandRunner { BoardRunner(backend: self) }
    var pageResult = PageResult.sent
    var sentPages: [OutboundPage] = []

    func send(_ page: OutboundPage) -> PageResult {
        sentPages.append(page)
        return pageResult
    }

    func history(of ref: RecordRef, limit: Int) throws -> [AuditEvent] { [] }
    func handoffReport() throws -> String { "# Shift hand-off\n\nnothing open" }
    func save(_ text: String, to path: String) throws -> String { "/tmp/" + path }

    static func board() -> Board {
        Board(
            tickets: [
                Ticket(id: 4_412_001, subject: "Pipeline fails", organization: "Acme", createdAt: Fixtures.at(-20))
            ],
            escalations: [
                Escalation(
                    id: 881, ticket: 4_400_123, title: "License not applied", customer: "Zürich Bank AG",
                    urgency: .urgent, announcedAt: Fixtures.at(-10))
            ],
            emergencies: [], rota: Fixtures.rota, asOf: Fixtures.at(-1))
    }
}

extension DashboardLoop {
    /// A loop on the fake screen and backend, acting as alice in UTC, on the screen's own clock.
    static func onFakes(_ screen: FakeScreen, _ backend: FakeBackend) -> DashboardLoop {
        screen.backend = backend
        let loop = DashboardLoop(
            screen: screen, backend: backend, options: DashboardOptions(actor: "alice", timeZone: Fixtures.utc))
        loop.monotonicMilliseconds = { [unowned screen] in screen.milliseconds }
        return loop
    }
}

@Suite struct LoopTests {
    func makeLoop(_ screen: FakeScreen, _ backend: FakeBackend) -> DashboardLoop {
        DashboardLoop.onFakes(screen, backend)
    }

    @Test func aChangeByAnotherProcessAppearsAfterTheNextPoll() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: Array(repeating: .timeout, count: 6) + [.key(.char("q"))])
        var changedAtFrame = -1
        screen.meanwhile = { i in
            if i == 1 {
                backend.board.escalations.append(
                    Escalation(
                        id: 990, title: "Filed from the CLI", customer: "Initech", urgency: .timely,
                        announcedAt: backend.clock))
                backend.external = true
                changedAtFrame = screen.frames.count
            }
        }
        let loop = makeLoop(screen, backend)
        loop.run()
        #expect(!Snapshot.text(screen.frames[changedAtFrame - 1]).contains("#990"))
        #expect(screen.lastText.contains("#990"))
        // Within one poll interval of fake time after the change, a frame shows it.
        let waits = screen.timeouts[1...]
        var elapsed = 0
        var seenAt: Int?
        for (offset, wait) in waits.enumerated() {
            if Snapshot.text(screen.frames[changedAtFrame + offset]).contains("#990") {
                seenAt = elapsed
                break
            }
            elapsed += wait
        }
        #expect(seenAt != nil && seenAt! <= 1000)
        #expect(backend.loads >= 2)
    }

    @Test func anActionExecutesThroughTheBackendAndReloads() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: [.key(.char("2")), .key(.char("a")), .timeout, .key(.char("q"))])
        let loop = makeLoop(screen, backend)
        loop.run()
        #expect(backend.executed == [.acknowledgeEscalation(id: 881)])
        #expect(backend.loads >= 2)
        #expect(backend.board.escalations[0].state == .acknowledged)
        #expect(screen.lastText.contains("acked"))
        #expect(loop.state.status?.kind == .info)
    }

    @Test func aRefusedActionShowsTheRulesMessageAndChangesNothing() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: [.key(.char("2")), .key(.char("a")), .key(.char("a")), .key(.char("q"))])
        let loop = makeLoop(screen, backend)
        loop.run()
        #expect(backend.executed.count == 2)
        #expect(loop.state.status?.kind == .refused)
        #expect(loop.state.status?.text.contains("881") == true)
        #expect(screen.lastText.contains("✖ "))
    }

    @Test func waitsUntilTheNextVisibleChangeNeverSpins() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: Array(repeating: .timeout, count: 10) + [.key(.char("q"))])
        makeLoop(screen, backend).run()
        #expect(screen.timeouts.allSatisfy { $0 >= 1 && $0 <= 1000 })
        // The first wait runs to the poll (500 ms) or the next whole second (750 ms), whichever is first.
        #expect(screen.timeouts[0] == 500)
        #expect(screen.timeouts[1] == 250)
        // About two wakes a second with a 500 ms poll, not a busy loop.
        let total = screen.timeouts.prefix(10).reduce(0, +)
        #expect(total >= 2500)
    }

    @Test func resizeResumeRedrawAndTerminate() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: [
            .resize(width: 80, height: 24), .resumed, .key(.ctrl("l")), .terminate(signal: 1),
        ])
        screen.meanwhile = { i in if i == 0 { screen.size = (80, 24) } }
        let loop = makeLoop(screen, backend)
        loop.run()
        #expect(loop.state.width == 80 && loop.state.height == 24)
        #expect(screen.frames.last?.width == 80)
        #expect(screen.invalidations >= 3)
        #expect(loop.exitSignal == 1)
    }

    @Test func bellAndTitleOnANewEmergency() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: Array(repeating: .timeout, count: 4) + [.key(.char("q"))])
        screen.meanwhile = { i in
            if i == 0 {
                backend.board.emergencies.append(
                    Emergency(id: 4_411_009, ticket: 4_411_009, title: "Down", customer: "Acme", pagedAt: backend.clock)
                )
                backend.external = true
            }
        }
        makeLoop(screen, backend).run()
        #expect(screen.bells == 1)
        #expect(screen.titles.first?.hasPrefix("oncall: 0 emergencies") == true)
        #expect(screen.titles.last?.hasPrefix("oncall: 1 emergency") == true)
    }

    @Test func loadErrorsBecomeTheStatusLine() {
        let backend = FakeBackend(board: FakeBackend.board())
        backend.failNextLoad = true
        let screen = FakeScreen(events: [.key(.char("q"))])
        let loop = makeLoop(screen, backend)
        loop.run()
        #expect(loop.state.status == StatusLine(.error, "reload failed: store is locked"))
        #expect(screen.lastText.contains("reload failed: store is locked"))
    }

    @Test func reportOpensAndSaves() {
        let backend = FakeBackend(board: FakeBackend.board())
        let screen = FakeScreen(events: [.key(.char("H")), .key(.char("s")), .key(.enter), .key(.char("q"))])
        let loop = makeLoop(screen, backend)
        loop.run()
        #expect(loop.state.status?.text.hasPrefix("report saved to /tmp/oncall-handoff-") == true)
        #expect(screen.frames.contains { Snapshot.text($0).contains("Shift hand-off report") })
    }
}
