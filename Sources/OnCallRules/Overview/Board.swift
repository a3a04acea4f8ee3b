import Foundation

/// The records a view needs, as loaded from the store: open items (or everything with `--all`).
public struct Board: Sendable, Equatable {
    /// Tickets still waiting for a first reply (all tickets when loaded with `all`).
    public var tickets: [Ticket]
    public var escalations: [Escalation]
    public var emergencies: [Emergency]
    /// Shifts and covers from a day ago to a week ahead.
    public var rota: [RotaEntry]
    public var upgrades: [UpgradeRequest]
    public var notices: [Notice]
    /// When the store last changed (the newest audit event), for "data as of".
    public var asOf: Date?
    /// Rows the store holds but could not read; every other record is still here.
    public var unreadable: [UnreadableRecord]
    /// The live sources' pull state (empty when nothing ever pulled into this store).
    public var sources: [SourceHealth] = []
    /// The people directory learnt from the pulls: names, for completion.
    public var people: [String] = []

    public init(
        tickets: [Ticket] = [], escalations: [Escalation] = [], emergencies: [Emergency] = [], rota: [RotaEntry] = [],
        upgrades: [UpgradeRequest] = [], notices: [Notice] = [], asOf: Date? = nil,
        unreadable: [UnreadableRecord] = []
    ) {
        self.tickets = tickets
        self.escalations = escalations
        self.emergencies = emergencies
        self.rota = rota
        self.upgrades = upgrades
        self.notices = notices
        self.asOf = asOf
        self.unreadable = unreadable
    }
}
