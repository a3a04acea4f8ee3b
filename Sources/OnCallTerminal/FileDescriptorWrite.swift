#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes every byte to `fd`, retrying short writes and EINTR; gives up quietly on any other error (the
/// terminal is gone). Async-signal-safe: the crash handler calls it too.
func writeAll(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
    var offset = 0
    while offset < count {
        let written = write(fd, bytes + offset, count - offset)
        if written <= 0 {
            if written < 0 && errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// Writes a control sequence straight to the terminal, bypassing ncurses' buffer.
func writeToTerminal(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        writeAll(STDOUT_FILENO, base, buffer.count)
    }
}
