/// How many records a synthetic benchmark store holds, and how many of them are still open.
public struct SyntheticSpec: Sendable, Equatable {
    public var tickets: Int
    /// Tickets still waiting for a first reply (the most recent ones).
    public var waitingTickets: Int
    public var escalations: Int
    /// Escalations not yet resolved or rejected.
    public var openEscalations: Int
    public var emergencies: Int
    /// Emergencies not yet resolved.
    public var activeEmergencies: Int
    /// How far back the history goes, in days.
    public var historyDays: Int

    public init(
        tickets: Int, waitingTickets: Int, escalations: Int, openEscalations: Int, emergencies: Int,
        activeEmergencies: Int, historyDays: Int = 365
    ) {
        precondition(waitingTickets <= tickets && openEscalations <= escalations && activeEmergencies <= emergencies)
        self.tickets = tickets
        self.waitingTickets = waitingTickets
        self.escalations = escalations
        self.openEscalations = openEscalations
        self.emergencies = emergencies
        self.activeEmergencies = activeEmergencies
        self.historyDays = historyDays
    }
}

/// The benchmark sizes of issue 5.
public enum SyntheticSize: String, CaseIterable, Sendable {
    case small, medium, large

    public var spec: SyntheticSpec {
        switch self {
        case .small:
            SyntheticSpec(
                tickets: 1_000, waitingTickets: 100, escalations: 100, openEscalations: 20, emergencies: 10,
                activeEmergencies: 2)
        case .medium:
            SyntheticSpec(
                tickets: 10_000, waitingTickets: 1_000, escalations: 1_000, openEscalations: 100, emergencies: 100,
                activeEmergencies: 10)
        case .large:
            SyntheticSpec(
                tickets: 100_000, waitingTickets: 2_000, escalations: 10_000, openEscalations: 200,
                emergencies: 1_000, activeEmergencies: 20)
        }
    }
}
