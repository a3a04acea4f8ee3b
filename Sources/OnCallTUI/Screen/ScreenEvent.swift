/// What the terminal reports to the loop.
public enum ScreenEvent: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The wait ran out with nothing to report.
    case timeout
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT: restore and exit.
    case terminate(signal: Int32)
    /// Resumed after Ctrl-Z: redraw everything.
    case resumed
}
