import CNCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Everything the crash handler touches is prepared before it can run: raw buffers and plain values, so the
// handler itself only calls async-signal-safe functions (write, read, lseek, tcsetattr, dup2, raise).
private let resetCapacity = 512
nonisolated(unsafe) private let resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
nonisolated(unsafe) private var resetLength = 0
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false
/// The real standard error (a duplicate), while fd 2 points at `capturedErrors`.
nonisolated(unsafe) private var realStandardError: Int32 = -1
/// An unlinked temporary file standing in for stderr during the run.
nonisolated(unsafe) private var capturedErrors: Int32 = -1
private let copyCapacity = 4096
nonisolated(unsafe) private let copyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: copyCapacity)
nonisolated(unsafe) private var previousActions: [Int32: sigaction] = [:]
private let alternateStackSize = 64 << 10
nonisolated(unsafe) private let alternateStack = UnsafeMutableRawPointer.allocate(byteCount: 64 << 10, alignment: 16)

/// Whatever ends the dashboard (a Swift trap, SIGABRT, SIGSEGV, SIGBUS, SIGFPE), the terminal comes back
/// usable: the handler writes the terminal's own reset sequences (attributes, cursor on, keypad off, leave
/// the alternate screen), puts back the tty modes saved before ncurses started, then shows what was written
/// to stderr during the run (a Swift "Fatal error" message is written before the trap, while the alternate
/// screen would have swallowed it) and one line naming the signal, and dies of the same signal. The Swift
/// runtime's own crash handler is not chained: it can wait for a key on a terminal.
enum CrashRestore {
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Before `newterm`: the shell's tty modes.
    static func saveModes() {
        haveSavedModes = tcgetattr(STDOUT_FILENO, &savedModes) == 0
    }

    /// After `newterm`: the reset sequences from terminfo, stderr captured, the handlers installed.
    static func install() {
        resetLength = 0
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let sequence = oncall_tigetstr(capability) else { continue }
            let bytes = Array(String(cString: sequence).utf8)
            guard resetLength + bytes.count <= resetCapacity else { continue }
            for byte in bytes {
                resetBytes[resetLength] = byte
                resetLength += 1
            }
        }
        captureStandardError()
        var stack = stack_t()
        stack.ss_sp = alternateStack
        stack.ss_size = alternateStackSize
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        for signal in fatalSignals {
            // RESETHAND + NODEFER: inside the handler the default action is back, so `raise` ends the process.
            let flags = Int32(
                bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND) | UInt32(truncatingIfNeeded: SA_NODEFER)
                    | UInt32(truncatingIfNeeded: SA_ONSTACK))
            let previous = SignalAction.install(signal, handler: crashed, flags: flags)
            previousActions[signal] = previous
        }
    }

    /// After `endwin`: the previous handlers back, stderr back, and what was written to it meanwhile shown.
    static func uninstall() {
        for (signal, action) in previousActions {
            var action = action
            sigaction(signal, &action, nil)
        }
        previousActions = [:]
        releaseStandardError()
    }

    /// Points fd 2 at an unlinked temporary file: anything written to stderr while ncurses owns the screen
    /// would be drawn over the dashboard and lost with the alternate screen.
    private static func captureStandardError() {
        guard capturedErrors < 0 else { return }
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/oncall-stderr-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let real = dup(STDERR_FILENO)
        guard real >= 0, dup2(fd, STDERR_FILENO) >= 0 else {
            close(fd)
            if real >= 0 { close(real) }
            return
        }
        realStandardError = real
        capturedErrors = fd
    }

    private static func releaseStandardError() {
        guard capturedErrors >= 0 else { return }
        replayCapturedErrors()
        close(capturedErrors)
        close(realStandardError)
        capturedErrors = -1
        realStandardError = -1
    }
}

/// fd 2 back to the real stderr, then what was captured copied to it. Async-signal-safe.
private func replayCapturedErrors() {
    guard capturedErrors >= 0, realStandardError >= 0 else { return }
    dup2(realStandardError, STDERR_FILENO)
    lseek(capturedErrors, 0, SEEK_SET)
    while true {
        let count = read(capturedErrors, copyBuffer, copyCapacity)
        if count <= 0 { break }
        writeAll(STDERR_FILENO, copyBuffer, count)
    }
}

/// Writes `text` (a static string: no allocation) to stderr.
private func writeStatic(_ text: StaticString) {
    writeAll(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
}

/// The fatal-signal handler: restore, explain, die of the same signal.
private func crashed(_ signal: Int32) {
    writeAll(STDOUT_FILENO, resetBytes, resetLength)
    if haveSavedModes { _ = tcsetattr(STDOUT_FILENO, TCSANOW, &savedModes) }
    replayCapturedErrors()
    writeStatic("\noncall: the dashboard crashed (")
    switch signal {
    case SIGILL: writeStatic("SIGILL, a Swift runtime trap")
    case SIGTRAP: writeStatic("SIGTRAP, a Swift runtime trap")
    case SIGABRT: writeStatic("SIGABRT")
    case SIGSEGV: writeStatic("SIGSEGV")
    case SIGBUS: writeStatic("SIGBUS")
    case SIGFPE: writeStatic("SIGFPE")
    default: writeStatic("a fatal signal")
    }
    writeStatic("); the terminal was restored, and each action commits whole or not at all.\n")
    raise(signal)
}
