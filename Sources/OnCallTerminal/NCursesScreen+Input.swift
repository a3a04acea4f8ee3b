import CNCurses
import OnCallTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension NCursesScreen {
    /// Blocks in `wget_wch` (ncurses waits with poll) for at most `timeoutMilliseconds`: one wake per timeout
    /// when idle. A signal interrupts the wait and is reported at once.
    public func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent {
        guard !isClosed else { return .terminate(signal: SIGHUP) }
        let deadline = Self.monotonicMilliseconds() + max(0, timeoutMilliseconds)
        var earlyFailures = 0
        while true {
            if let signal = SignalTrap.termination() { return .terminate(signal: signal) }
            if SignalTrap.takeSuspend() {
                suspend()
                return .resumed
            }
            let remaining = max(0, deadline - Self.monotonicMilliseconds())
            wtimeout(window, Int32(clamping: remaining))
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES {
                if Int32(bitPattern: character) == KEY_RESIZE {
                    invalidate()
                    let (width, height) = size
                    return .resize(width: width, height: height)
                }
                if Int32(bitPattern: character) == Self.pasteStartCode { return .key(.paste(readPaste())) }
                if let key = KeyDecoder.decode(functionKey: Int32(bitPattern: character)) { return .key(key) }
            } else if result == OK {
                if let key = KeyDecoder.decode(character: UInt32(character)) { return .key(key) }
            } else {
                if let signal = SignalTrap.termination() { return .terminate(signal: signal) }
                if Self.monotonicMilliseconds() >= deadline { return .timeout }
                // Woken early without input: a signal we do not report, or the terminal went away.
                if Self.inputHungUp() { return .terminate(signal: SIGHUP) }
                earlyFailures += 1
                // A terminal that keeps failing at once would make the caller spin: treat it as gone.
                if earlyFailures > 100 { return .terminate(signal: SIGHUP) }
            }
            if Self.monotonicMilliseconds() >= deadline { return .timeout }
        }
    }

    /// Key codes given to the bracketed-paste markers `ESC [200~` and `ESC [201~` (above ncurses' KEY_MAX).
    static let pasteStartCode: Int32 = 0x2001
    static let pasteEndCode: Int32 = 0x2002
    /// A paste longer than this is cut: nobody pastes a book into a reason prompt.
    static let pasteLimit = 10_000

    /// Reads the rest of a bracketed paste up to its end marker as text. Bounded: a lost end marker ends the
    /// paste after 200 ms without input, and at most `pasteLimit` characters are kept.
    func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        wtimeout(window, 200)
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == Self.pasteEndCode { break }
                if code == KEY_ENTER, count < Self.pasteLimit {
                    scalars.append("\n")
                    count += 1
                }
            } else if result == OK {
                if count < Self.pasteLimit, let scalar = Unicode.Scalar(UInt32(character)) {
                    scalars.append(scalar)
                    count += 1
                }
            } else {
                break
            }
        }
        return String(scalars)
    }

    /// Ctrl-Z: give the terminal back, stop, and repaint everything when continued (`fg`).
    func suspend() {
        Self.setBracketedPaste(false)
        endwin()
        raise(SIGSTOP)
        // Continued. The size may have changed while stopped.
        var windowSize = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_row > 0, windowSize.ws_col > 0,
            Int(windowSize.ws_row) != size.height || Int(windowSize.ws_col) != size.width
        {
            resizeterm(Int32(windowSize.ws_row), Int32(windowSize.ws_col))
        }
        invalidate()
        wrefresh(window)
        Self.setBracketedPaste(true)
    }

    /// Discards type-ahead (ncurses' buffer and the tty's) so a confirmation is answered only by a later key.
    public func discardPendingInput() {
        guard !isClosed else { return }
        flushinp()
    }

    /// Asks the terminal to mark pasted text (`ESC [?2004h`), or stops it; terminals without the mode ignore it.
    static func setBracketedPaste(_ on: Bool) {
        let bytes = Array((on ? "\u{1B}[?2004h" : "\u{1B}[?2004l").utf8)
        writeToTerminal(bytes)
    }

    /// True when standard input reports hang-up or error (the ssh session or the terminal emulator is gone).
    static func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
