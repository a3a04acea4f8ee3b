import Foundation
import GRDB
import OnCallRules

/// Writes an accepted outcome inside the command's transaction: each change with its revision bumped, then
/// the audit events.
enum ChangeWriter {
    /// Refuses the command when the record moved on since the caller read it (revision 0 = "it did not exist").
    static func check(_ expecting: ExpectedRevision, in lookup: DatabaseLookup) throws {
        try expecting.verify(current: try lookup.revision(of: expecting.ref)) {
            try lookup.currentState(of: expecting.ref)
        }
    }

    /// Returns the outcome as written: records carry their new revision, audit events their id.
    static func write(_ outcome: Outcome, in lookup: DatabaseLookup) throws -> Outcome {
        let db = lookup.db
        var written = outcome
        written.changes = []
        for change in outcome.changes {
            let revision = (try lookup.revision(of: change.ref) ?? 0) + 1
            switch change {
            case .ticket(var t):
                t.revision = revision
                try t.write(db, revision: revision)
                written.changes.append(.ticket(t))
            case .escalation(var e):
                e.revision = revision
                try e.write(db, revision: revision)
                written.changes.append(.escalation(e))
            case .emergency(var e):
                e.revision = revision
                try e.write(db, revision: revision)
                written.changes.append(.emergency(e))
            case .rota(let r):
                try r.write(db, revision: revision)
                written.changes.append(.rota(r))
            case .upgrade(var u):
                u.revision = revision
                try u.write(db, revision: revision)
                written.changes.append(.upgrade(u))
            case .notice(var n):
                n.revision = revision
                try n.write(db, revision: revision)
                written.changes.append(.notice(n))
            case .deleteRota(let id):
                try db.cachedStatement(sql: "DELETE FROM rota WHERE id = ?").execute(arguments: [id])
                written.changes.append(change)
            }
        }
        written.audit = try outcome.audit.map { try $0.insert(db) }
        return written
    }
}
