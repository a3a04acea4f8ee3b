import CNCurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides, before anything is drawn, whether the dashboard can run here.
public enum TerminalCheck {
    /// Throws a `TerminalError` saying what is wrong when stdin/stdout is not a TTY or `TERM` is unusable.
    /// Returns the `TERM` value to hand to ncurses.
    @discardableResult
    public static func verify(environment: [String: String]) throws(TerminalError) -> String {
        // Without a TTY, wget_wch returns at once and the loop would spin: refuse instead.
        if isatty(STDIN_FILENO) == 0 { throw .notATerminal(stream: "standard input") }
        if isatty(STDOUT_FILENO) == 0 { throw .notATerminal(stream: "standard output") }
        return try verifyTerm(environment["TERM"])
    }

    /// The `TERM` half of `verify`, separated so it can be checked without a TTY.
    public static func verifyTerm(_ term: String?) throws(TerminalError) -> String {
        guard let term, !term.isEmpty else { throw .termUnset }
        if term == "dumb" { throw .termUnusable(term: term) }
        // setupterm with an error pointer reports instead of exiting (initscr would call exit(1)).
        switch oncall_terminal_usable(term, STDOUT_FILENO) {
        case 1: return term
        case 2: throw .termUnusable(term: term)
        default: throw .termUnknown(term: term)
        }
    }
}
