import OnCallRules

/// A view over the panes that takes the keys until closed.
public enum Modal: Sendable, Equatable {
    /// Every field of one record, its audit history (nil until loaded) and a scroll offset.
    case detail(ref: RecordRef, history: [AuditEvent]?, scroll: Int)
    case help(scroll: Int)
    case prompt(Prompt)
    case confirm(Confirm)
    case picker(Picker)
    /// Every alert in force, most serious first (`!`), with a scroll offset.
    case alerts(scroll: Int)
    /// The hand-off report text and a scroll offset.
    case report(text: String, scroll: Int)
}
