/// A decoded key press.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Text the terminal delivered as one bracketed paste: typed into an open prompt as text, never run as keys.
    case paste(String)
}
