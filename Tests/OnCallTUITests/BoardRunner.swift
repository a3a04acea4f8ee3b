import Foundation
import OnCallRules

/// The command runner over the fake backend's board: the rules and the revision check as the store runs them,
/// the changes applied to the board in memory.
struct BoardRunner: CommandRunner, @unchecked Sendable {
    let backend: FakeBackend

    func check(_ command: Command, actor: String, now: Date, expecting: ExpectedRevision?) throws {
        let board = backend.board
        if let expecting { try expecting.verify(current: try revision(of: expecting.ref, in: board)) { "now different" } }
        _ = try command.apply(to: board, actor: actor, now: now, config: backend.config)
    }

    func run(_ command: Command, actor: String, now: Date, expecting: ExpectedRevision?) throws -> Outcome {
        backend.executed.append(command)
        try check(command, actor: actor, now: now, expecting: expecting)
        let outcome = try command.apply(to: backend.board, actor: actor, now: now, config: backend.config)
        backend.board.apply(outcome.changes)
        return outcome
    }

    private func revision(of ref: RecordRef, in board: Board) throws -> Int? {
        switch ref.kind {
        case .ticket: try board.ticket(ref.id)?.revision
        case .escalation: try board.escalation(ref.id)?.revision
        case .emergency: try board.emergency(ref.id)?.revision
        case .upgrade: try board.upgrade(ref.id)?.revision
        case .notice: try board.notice(ref.id)?.revision
        case .rota: board.rota.contains { $0.id == ref.id } ? 1 : nil
        }
    }
}
