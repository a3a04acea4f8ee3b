/// Semantic colours: the terminal maps each to a colour pair, or to nothing under NO_COLOR.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal, dim, title, selected, header, breached, critical, warning, ok, paused, alert, badge, status, key
}
