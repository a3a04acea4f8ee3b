import Foundation

@testable import OnCallRules

/// A UTC instant from `2026-03-06T16:00Z`-style text (minutes precision is enough for these tests).
func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { fatalError("bad test date \(text)") }
    return date
}

let gitlab = OnCallConfig.gitlabDefaults
let business = OnCallConfig.gitlabBusinessHours
let federal = OnCallConfig.gitlabUSFederalHours

/// Applies a command to a board as `actor` at `now` with the GitLab defaults.
func run(_ command: Command, on board: Board, as actor: String = "alice", at now: Date) throws -> Outcome {
    try command.apply(to: board, actor: actor, now: now, config: gitlab)
}

/// The single escalation (or emergency...) an outcome writes.
extension Outcome {
    var escalation: Escalation? {
        changes.compactMap { if case .escalation(let e) = $0 { e } else { nil } }.first
    }
    var emergency: Emergency? {
        changes.compactMap { if case .emergency(let e) = $0 { e } else { nil } }.first
    }
    var upgrade: UpgradeRequest? {
        changes.compactMap { if case .upgrade(let u) = $0 { u } else { nil } }.first
    }
    var rota: RotaEntry? {
        changes.compactMap { if case .rota(let r) = $0 { r } else { nil } }.first
    }
    var notice: Notice? {
        changes.compactMap { if case .notice(let n) = $0 { n } else { nil } }.first
    }
    var ticket: Ticket? {
        changes.compactMap { if case .ticket(let t) = $0 { t } else { nil } }.first
    }
}
