import CNCurses
import OnCallTUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal: ncursesw drawing a `CellBuffer` diffed against the last frame, keys, resize and signals.
/// Create one per dashboard run and `close()` it on every exit path (it is idempotent; `deinit` calls it too).
public final class NCursesScreen: Screen {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let palette: ColorPalette
    let term: String
    /// The frame the terminal shows now; nil forces a full repaint.
    var lastDrawn: CellBuffer?
    var lastTitle: String?
    private(set) var isClosed = false
    /// The terminal or the user's locale cannot draw the dashboard's Unicode glyphs (vt100, the Linux
    /// console, a non-UTF-8 locale): the caller draws ASCII stand-ins (`DashboardOptions.asciiGlyphs`).
    public let asciiGlyphs: Bool
    /// No alternate screen (`smcup`/`rmcup`, missing on linux and vt100): the screen is cleared on exit, so
    /// the shift's data does not stay in the scrollback of a shared console.
    let clearsOnExit: Bool
    private var closedSize = (width: 0, height: 0)

    /// True unless `NO_COLOR` is set to a non-empty value or the caller asked for no colour (`--no-color`).
    public static func wantsColor(environment: [String: String], noColorFlag: Bool) -> Bool {
        if noColorFlag { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return true
    }

    /// Checks the terminal (see `TerminalCheck`), then takes it over, drawing in `theme` when `color` (NO_COLOR
    /// and `--no-color` turn it off whatever the theme). Throws before drawing anything.
    public init(environment: [String: String], color: Bool, theme: ThemePalette = .standard) throws(TerminalError) {
        let term = try TerminalCheck.verify(environment: environment)
        let localeIsUTF8 = Self.selectUTF8Locale()
        // Before newterm: ncurses only installs its own SIGINT/SIGTERM/SIGTSTP handlers over default ones.
        SignalTrap.install()
        CrashRestore.saveModes()
        // newterm, never initscr: initscr calls exit(1) on a bad TERM, skipping every Swift `defer`.
        guard let screen = newterm(term, oncall_stdout(), oncall_stdin()) else {
            SignalTrap.uninstall()
            throw .startFailed(term: term)
        }
        guard let window = oncall_stdscr() else {
            endwin()
            delscreen(screen)
            SignalTrap.uninstall()
            throw .startFailed(term: term)
        }
        self.screen = screen
        self.window = window
        self.term = term
        asciiGlyphs = ASCIIGlyph.needed(term: term, localeIsUTF8: localeIsUTF8)
        clearsOnExit = oncall_tigetstr("rmcup") == nil
        cbreak()
        noecho()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        Self.defineAlternateKeys()
        define_key("\u{1B}[200~", Self.pasteStartCode)
        define_key("\u{1B}[201~", Self.pasteEndCode)
        Self.setBracketedPaste(true)
        if color && has_colors() {
            start_color()
            use_default_colors()
            palette = ColorPalette.colored(colorCount: Int(oncall_colors()), theme: theme)
        } else {
            palette = ColorPalette.monochrome()
        }
        CrashRestore.install()
    }

    deinit {
        close()
    }

    public var size: (width: Int, height: Int) {
        // After close() the window is freed: answer the last size seen instead.
        guard !isClosed else { return closedSize }
        return (Int(oncall_getmaxx(window)), Int(oncall_getmaxy(window)))
    }

    public func invalidate() {
        lastDrawn = nil
        guard !isClosed else { return }
        // The next refresh clears and repaints the physical screen too (Ctrl-L, resume, garbage on screen).
        clearok(window, true)
    }

    public func bell() {
        guard !isClosed else { return }
        beep()
    }

    /// Restores the terminal (`endwin`): leaves the alternate screen, shows the cursor, resets the tty modes.
    public func close() {
        guard !isClosed else { return }
        closedSize = size
        isClosed = true
        Self.setBracketedPaste(false)
        if clearsOnExit {
            wclear(window)
            wrefresh(window)
        }
        endwin()
        delscreen(screen)
        SignalTrap.uninstall()
        CrashRestore.uninstall()
    }

    /// Home/End/Shift-Tab as other terminals send them: tmux always sends `ESC [1~`/`ESC [4~`, which an
    /// xterm terminfo entry does not list, and an unknown sequence would arrive as Esc, `[`, `1`, `~`.
    private static func defineAlternateKeys() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[Z", KEY_BTAB),
        ]
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
    }

    /// LANG unset gives the "C" locale, where ncursesw cannot print UTF-8: fall back to C.UTF-8. Returns
    /// whether the user's own locale was UTF-8 (if not, the terminal may not be either: draw ASCII).
    @discardableResult
    private static func selectUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)),
            String(cString: codeset).uppercased().filter({ $0 != "-" }) == "UTF8"
        {
            return true
        }
        if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "C.utf8") }
        return false
    }
}
