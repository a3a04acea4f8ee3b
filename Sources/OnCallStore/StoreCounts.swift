/// How many records the store holds, open and in total.
public struct StoreCounts: Sendable, Equatable {
    public var tickets: Int
    public var waitingTickets: Int
    public var escalations: Int
    public var openEscalations: Int
    public var emergencies: Int
    public var openEmergencies: Int
    public var rota: Int
    public var upgrades: Int
    public var notices: Int
    public var auditEvents: Int
}
