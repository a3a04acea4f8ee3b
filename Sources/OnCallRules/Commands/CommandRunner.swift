import Foundation

/// The one way a command is run, for the CLI verbs, the dashboard, the bench and the tests: check it through
/// the rules on a read snapshot (a refusal never waits for the write lock), then validate it again and commit
/// it in one write transaction. Safe to call from any thread.
///
/// ```swift
/// let outcome = try runner.run(.acknowledgeEscalation(id: 88), actor: "alice", now: now,
///                              expecting: ExpectedRevision(RecordRef(.escalation, 88), revision: 3))
/// for effect in outcome.effects { ... }  // after the commit: pages to send
/// ```
public protocol CommandRunner: Sendable {
    /// Throws the refusal (rules or a stale `expecting`) the command would get, from a read snapshot only.
    func check(_ command: Command, actor: String, now: Date, expecting: ExpectedRevision?) throws

    /// Checks on a snapshot, then validates and commits under the write lock; returns the outcome as written
    /// (records with their new revisions) with the effects to run after the commit.
    @discardableResult
    func run(_ command: Command, actor: String, now: Date, expecting: ExpectedRevision?) throws -> Outcome
}
