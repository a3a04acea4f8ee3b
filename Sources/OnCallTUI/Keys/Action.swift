/// Every thing a key can do on the dashboard and in its dialogs.
public enum Action: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextPane, previousPane, paneEmergencies, paneEscalations, paneFRT
    case open, filter, help, redraw, quit, report
    case acknowledge, assignOwner, resolveEscalation, rejectEscalation, triggerEmergency
    case completeUpgrade
    case takeLead, staffEngineer, handOff, resolveEmergency, flagCompromised, checklist
    case undo, alerts
    // In dialogs.
    case scroll, close, saveReport, accept, cancel, complete, clearInput, deleteBack, typeText, choose, pickNumber
    case confirm

    /// The name `[keys]` remaps it by, or nil when its keys are fixed.
    public var configName: String? {
        switch self {
        case .acknowledge: "acknowledge"
        case .assignOwner: "assign"
        case .resolveEscalation: "resolve"
        case .rejectEscalation: "reject"
        case .triggerEmergency: "trigger"
        case .completeUpgrade: "done"
        case .takeLead: "lead"
        case .staffEngineer: "engineer"
        case .handOff: "handoff"
        case .resolveEmergency: "resolve_emergency"
        case .flagCompromised: "flag"
        case .checklist: "checklist"
        case .open: "detail"
        case .filter: "filter"
        case .report: "report"
        case .help: "help"
        case .redraw: "redraw"
        case .quit: "quit"
        default: nil
        }
    }

    /// The actions `[keys]` can remap, in the order the file lists them.
    public static let remappable: [Action] = [
        .acknowledge, .assignOwner, .resolveEscalation, .rejectEscalation, .triggerEmergency, .completeUpgrade,
        .takeLead, .staffEngineer, .handOff, .resolveEmergency, .flagCompromised, .checklist, .open, .filter, .report,
        .help, .redraw, .quit,
    ]

    /// The action `[keys]` calls `name`.
    public init?(configName name: String) {
        guard let action = Self.remappable.first(where: { $0.configName == name }) else { return nil }
        self = action
    }
}
