import OnCallRules

/// Everything that can happen to the dashboard: keys, the clock, and the results of effects.
public enum Msg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The clock moved (once a second): countdowns, alerts, missed pages.
    case tick
    /// A reload finished.
    case loaded(Overview)
    case loadFailed(String)
    /// A command was committed; its one-line summary.
    case executed(String)
    /// A command was refused or failed; the rules' (or store's) message.
    case failed(String)
    case history(RecordRef, [AuditEvent])
    case report(String)
    /// The report was saved at this path.
    case saved(String)
    /// Saving the report would replace the existing file at `path`: ask first.
    case saveWouldReplace(text: String, path: String)
}
