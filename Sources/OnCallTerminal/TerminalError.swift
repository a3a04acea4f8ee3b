/// Why the terminal could not be used: said plainly, so the CLI can print it and exit non-zero.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a TTY (a pipe, a file, a cron job).
    case notATerminal(stream: String)
    /// `TERM` is unset or empty.
    case termUnset
    /// `TERM` names a terminal without cursor addressing, such as `dumb`.
    case termUnusable(term: String)
    /// `TERM` names a terminal the terminfo database does not know.
    case termUnknown(term: String)
    /// ncurses refused to start for another reason.
    case startFailed(term: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "oncall dashboard needs a terminal: \(stream) is not a TTY; use `oncall status` in scripts"
        case .termUnset:
            return "oncall dashboard needs a terminal: TERM is not set; set it (for example TERM=xterm-256color) "
                + "or use `oncall status` in scripts"
        case .termUnusable(let term):
            return "oncall dashboard needs a full-screen terminal: TERM=\(term) cannot move the cursor; "
                + "set TERM (for example TERM=xterm-256color) or use `oncall status`"
        case .termUnknown(let term):
            return "oncall dashboard cannot use TERM=\(term): no terminfo entry for it; "
                + "set TERM (for example TERM=xterm-256color) or use `oncall status`"
        case .startFailed(let term):
            return "oncall dashboard could not start the terminal (TERM=\(term)); use `oncall status` instead"
        }
    }
}
