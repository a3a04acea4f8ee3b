/// Where a key binding applies: everywhere, or only while one pane has the focus.
public enum KeyScope: Sendable, Equatable {
    case global
    case pane(Pane)
}
