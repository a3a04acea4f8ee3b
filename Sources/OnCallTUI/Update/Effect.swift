import OnCallRules

/// What `update` asks the loop to do, as a value: the loop runs it and feeds the result back as a `Msg`.
public enum Effect: Sendable, Equatable {
    /// Apply a command through the backend (rules + store), expecting the record at the revision shown.
    case execute(Command, expecting: ExpectedRevision?)
    case reload
    case bell
    case setTitle(String)
    case loadHistory(RecordRef)
    case loadReport
    /// Save the report; an existing file is replaced only with `replacing` (after the user said so).
    case saveReport(text: String, path: String, replacing: Bool = false)
    /// Forget the screen contents and repaint everything.
    case redraw
    case quit
}
