import Foundation

/// Everything the panes and `status` show, derived once per reload from a `Board` and the config.
/// Deadlines are absolute; countdowns and risk are computed from `now` at render time.
public struct Overview: Sendable, Equatable {
    /// Open emergencies, oldest page first (an unanswered page only gets older, so missed pages lead).
    public var emergencies: [Emergency]
    /// Open escalations sorted by respond-by (with `includeClosed`, closed ones follow).
    public var escalations: [EscalationItem]
    /// Tickets waiting for a first reply that have a countdown (or are paused), soonest breach first.
    public var frt: [FRTItem]
    /// How many tickets wait for a first reply in all (including those with no SLA).
    public var waitingForFirstReply: Int
    public var upgrades: [UpgradeRequest]
    public var notices: [Notice]
    public var rota: [RotaEntry]
    public var asOf: Date?
    /// Records the store could not read (see `UnreadableRecord`), reported in alerts and `status`.
    public var unreadable: [UnreadableRecord]
    /// The live sources' pull state, for the header line and the failing-source alert.
    public var sources: [SourceHealth] = []
    /// Names from the people directory, for completion.
    public var people: [String] = []

    public init(
        emergencies: [Emergency] = [], escalations: [EscalationItem] = [], frt: [FRTItem] = [],
        waitingForFirstReply: Int = 0, upgrades: [UpgradeRequest] = [], notices: [Notice] = [],
        rota: [RotaEntry] = [], asOf: Date? = nil, unreadable: [UnreadableRecord] = []
    ) {
        self.emergencies = emergencies
        self.escalations = escalations
        self.frt = frt
        self.waitingForFirstReply = waitingForFirstReply
        self.upgrades = upgrades
        self.notices = notices
        self.rota = rota
        self.asOf = asOf
        self.unreadable = unreadable
    }
}
