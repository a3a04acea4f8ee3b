import Foundation
import GRDB
import OnCallRules

extension Store {
    /// Runs one page of a pull in one write transaction: `body` merges through the lookup and returns the
    /// records to write and the cursors, people and links that came with them; all of it commits together.
    /// When nothing would change (the same page again) nothing is committed, so idle polls do not wake
    /// other processes. Returns the outcome as written.
    @discardableResult
    public func performPull(
        source: String, _ body: (any RecordLookup) throws -> (Outcome, PullWrite)
    ) throws -> Outcome {
        if let readOnlyReason {
            throw StoreError.readOnly(path: path, reason: "\(readOnlyReason), so it was opened read-only")
        }
        return try guarded {
            try pool.writeWithoutTransaction { db in
                var written: Outcome?
                try db.inTransaction(.immediate) {
                    try self.checkStillTheSameFile()
                    let lookup = DatabaseLookup(db: db)
                    let (outcome, extra) = try body(lookup)
                    written = try ChangeWriter.write(outcome, in: lookup)
                    var touched = !outcome.changes.isEmpty || !outcome.audit.isEmpty
                    touched = try SyncQueries.writeCursors(extra.cursors, source: source, db: db) || touched
                    touched = try SyncQueries.writePeople(extra.people, db: db) || touched
                    touched = try SyncQueries.writeLinks(extra.links, lookup: lookup) || touched
                    return touched ? .commit : .rollback
                }
                guard let written else {
                    throw StoreError.unavailable(path: path, reason: "the transaction did not run")
                }
                return written
            }
        }
    }

    /// The committed cursors of a source.
    public func cursors(source: String) throws -> [String: String] {
        try guarded {
            try pool.read { db in
                var result: [String: String] = [:]
                let rows = try Row.fetchAll(
                    db, sql: "SELECT name, value FROM sync_cursor WHERE source = ?", arguments: [source])
                for row in rows { result[row["name"]] = row["value"] as String }
                return result
            }
        }
    }

    /// Every source's pull state, by source name.
    public func sourceStatus() throws -> [String: SourceStatusRow] {
        try guarded { try pool.read { db in try SyncQueries.statusRows(db) } }
    }

    /// Writes a source's pull state (its own small transaction, after each pull).
    public func recordSourceStatus(_ row: SourceStatusRow) throws {
        if readOnlyReason != nil { return }
        try guarded { try pool.write { db in try SyncQueries.writeStatus(row, db: db) } }
    }

    /// Takes or renews the pull lease when it is free, expired or already ours; returns who holds it after.
    public func acquireLease(pid: Int32, host: String, now: Date, duration: TimeInterval) throws -> SyncLease {
        // As stored (milliseconds), so a renewal reads back the same acquiredAt it was given.
        let now = StoredDate.date(StoredDate.text(now)) ?? now
        if let readOnlyReason {
            throw StoreError.readOnly(path: path, reason: "\(readOnlyReason), so it was opened read-only")
        }
        return try guarded {
            try pool.writeWithoutTransaction { db in
                var holder: SyncLease?
                try db.inTransaction(.immediate) {
                    let current = try SyncQueries.lease(db)
                    let ours = current.map { $0.pid == pid && $0.host == host } ?? false
                    if let current, !ours, current.expiresAt > now {
                        holder = current
                        return .rollback
                    }
                    let lease = SyncLease(
                        pid: pid, host: host, acquiredAt: ours ? current!.acquiredAt : now,
                        expiresAt: now.addingTimeInterval(duration))
                    try db.execute(
                        sql: """
                            INSERT INTO sync_lease (id, pid, host, acquiredAt, expiresAt) VALUES (1, ?, ?, ?, ?)
                            ON CONFLICT(id) DO UPDATE SET pid = excluded.pid, host = excluded.host,
                                acquiredAt = excluded.acquiredAt, expiresAt = excluded.expiresAt
                            """,
                        arguments: [
                            Int64(pid), host, StoredDate.text(lease.acquiredAt), StoredDate.text(lease.expiresAt),
                        ])
                    holder = lease
                    return .commit
                }
                return holder!
            }
        }
    }

    /// Gives the lease up if this process holds it (on a clean exit), so another can pull at once.
    public func releaseLease(pid: Int32, host: String) throws {
        if readOnlyReason != nil { return }
        try guarded {
            try pool.write { db in
                try db.execute(
                    sql: "DELETE FROM sync_lease WHERE pid = ? AND host = ?", arguments: [Int64(pid), host])
            }
        }
    }

    /// Who holds the pull lease (possibly expired), or nil.
    public func lease() throws -> SyncLease? {
        try guarded { try pool.read { db in try SyncQueries.lease(db) } }
    }

    /// The people directory, by name.
    public func people() throws -> [PulledPerson] {
        try guarded { try pool.read { db in try SyncQueries.people(db) } }
    }

    /// Every escalation's link (web URL, Slack announcement), by escalation id.
    public func escalationLinks() throws -> [Int64: EscalationLink] {
        try guarded { try pool.read { db in try SyncQueries.links(db) } }
    }
}
