/// Every thing a key can do on the dashboard.
public enum Action: String, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextPane, previousPane, paneEmergencies, paneEscalations, paneFRT
    case open, filter, help, redraw, quit, report
    case acknowledge, assignOwner, resolveEscalation, rejectEscalation, triggerEmergency
    case completeUpgrade
    case takeLead, staffEngineer, handOff, resolveEmergency, flagCompromised, checklist
    case undo, alerts
}
