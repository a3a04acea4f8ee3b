/// Where a key binding applies: everywhere, only while one pane has the focus, or in one kind of dialog.
public enum KeyScope: Sendable, Equatable, Hashable {
    case global
    case pane(Pane)
    case dialog(DialogKind)
}

/// The kinds of modal view, each with its own keys.
public enum DialogKind: String, Sendable, CaseIterable, Hashable {
    case detail, help, alerts, report, prompt, picker, confirm

    /// How the help and conflict messages name it.
    public var title: String {
        switch self {
        case .detail: "the detail view"
        case .help: "the help"
        case .alerts: "the alert list"
        case .report: "the hand-off report"
        case .prompt: "a text prompt"
        case .picker: "a list"
        case .confirm: "a confirmation"
        }
    }
}

extension Modal {
    /// Which dialog's keys apply.
    public var kind: DialogKind {
        switch self {
        case .detail: .detail
        case .help: .help
        case .alerts: .alerts
        case .report: .report
        case .prompt: .prompt
        case .picker: .picker
        case .confirm: .confirm
        }
    }
}
