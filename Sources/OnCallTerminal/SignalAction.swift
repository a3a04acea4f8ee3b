#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One place for `sigaction` set-up: the handler field is spelled differently on Glibc and Darwin.
enum SignalAction {
    /// Installs `handler` (or SIG_DFL when nil) for `signal` with `flags` and an empty mask; returns the
    /// disposition it replaced.
    @discardableResult
    static func install(
        _ signal: Int32, handler: (@convention(c) (Int32) -> Void)?, flags: Int32 = 0
    ) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler ?? SIG_DFL
        #else
            action.__sigaction_u.__sa_handler = handler ?? SIG_DFL
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        var previous = sigaction()
        sigaction(signal, &action, &previous)
        return previous
    }
}
