/// The terminal as the dashboard loop sees it. `OnCallTerminal` implements it with ncurses; tests use a fake.
public protocol Screen: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Draws the frame, writing only the cells that differ from the last one drawn.
    func draw(_ buffer: CellBuffer)
    /// Forgets what is on screen so the next draw repaints everything (Ctrl-L, resume).
    func invalidate()
    /// Waits up to `timeoutMilliseconds` (never forever) for a key, resize or signal.
    func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent
    /// Drops input that arrived but was not read yet (type-ahead), so a question just drawn is answered only by
    /// a key pressed after it appeared.
    func discardPendingInput()
    func bell()
    /// Sets the terminal (tmux window) title.
    func setTitle(_ title: String)
    /// Restores the terminal. Safe to call more than once.
    func close()
}
