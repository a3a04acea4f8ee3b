import OnCallRules

/// What a prompt, picker or confirmation leads to once answered: the steps of a multi-step action.
public enum Flow: Sendable, Equatable {
    case assignOwner(ExpectedRevision)
    case staffEmergency(ExpectedRevision)
    case assignUpgrade(ExpectedRevision)
    /// Picker of resolution labels; the last option asks for a typed one.
    case resolveLabel(ExpectedRevision)
    case resolveTypedLabel(ExpectedRevision)
    case resolveComment(ExpectedRevision, labels: [String])
    case rejectReason(ExpectedRevision)
    case handOffTarget(ExpectedRevision)
    case handOffNote(ExpectedRevision, to: String)
    /// Picker of recovery checklist items; choosing one ticks or unticks it.
    case checklist(ExpectedRevision)
    /// Path prompt for saving the hand-off report.
    case saveReport(text: String)
    /// Picker: replace the existing file at `path` with the report, or choose another name.
    case replaceReport(text: String, path: String)
    /// A typed name nobody in the people directory has: use it, use the closest match, or edit it (the prompt).
    indirect case unknownName(answer: String, closest: String?, prompt: Prompt)
}
