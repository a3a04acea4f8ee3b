import Foundation

extension Overview {
    /// Derives deadlines and sort orders from the records. SKELETON: the rules work fills this in.
    public static func make(from board: Board, config: OnCallConfig) -> Overview {
        Overview(
            emergencies: board.emergencies, escalations: [], frt: [], waitingForFirstReply: 0,
            upgrades: board.upgrades, notices: board.notices, rota: board.rota, asOf: board.asOf)
    }

    /// The alerts in force at `now`. SKELETON: the rules work fills this in.
    public func alerts(at now: Date, config: OnCallConfig) -> [Alert] { [] }

    /// Who is on call at `now` (a cover wins over the shift it covers). SKELETON.
    public func onCall(at now: Date) -> RotaEntry? { nil }

    /// The next manager on the rota after whoever is on call at `now`. SKELETON.
    public func nextManager(after now: Date) -> RotaEntry? { nil }
}
