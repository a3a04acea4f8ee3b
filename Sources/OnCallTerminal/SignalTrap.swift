import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last terminating signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT), 0 when none. Written by the handler.
private let pendingTermination = Atomic<Int32>(0)
/// Set by SIGTSTP (Ctrl-Z); the loop suspends when it sees it.
private let pendingSuspend = Atomic<Bool>(false)

/// Catches the signals the dashboard must react to and lets the event loop poll them.
/// Handlers only store into atomics (async-signal-safe); all work happens in the loop.
enum SignalTrap {
    /// SIGQUIT (Ctrl-backslash) too: its default would dump core and leave the terminal in raw mode.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Unblocks every signal the dashboard relies on (a parent may hand down a mask that blocks them) and
    /// installs the handlers. Call before `newterm` so ncurses leaves SIGINT/SIGTERM/SIGTSTP to us; it
    /// still installs its own SIGWINCH handler, which turns a resize into KEY_RESIZE.
    static func install() {
        pendingTermination.store(0, ordering: .relaxed)
        pendingSuspend.store(false, ordering: .relaxed)
        var set = sigset_t()
        sigemptyset(&set)
        for signal in terminating + [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        for signal in terminating {
            setHandler(signal) { received in pendingTermination.store(received, ordering: .relaxed) }
        }
        setHandler(SIGTSTP) { _ in pendingSuspend.store(true, ordering: .relaxed) }
    }

    /// Puts the default dispositions back (after `endwin`), so a later signal behaves normally.
    static func uninstall() {
        for signal in terminating + [SIGTSTP] { setDefault(signal) }
    }

    /// The pending terminating signal, if any (it stays pending: the loop is expected to exit).
    static func termination() -> Int32? {
        let value = pendingTermination.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// True once per Ctrl-Z.
    static func takeSuspend() -> Bool {
        pendingSuspend.exchange(false, ordering: .relaxed)
    }

    private static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        // No SA_RESTART: the poll() inside wget_wch is interrupted, so the loop reacts at once.
        SignalAction.install(signal, handler: handler)
    }

    private static func setDefault(_ signal: Int32) {
        SignalAction.install(signal, handler: nil)
    }
}
