import Foundation
import GRDB
import OnCallRules

/// The local SQLite file store: one `DatabasePool` (WAL) per process, one write transaction per command.
///
/// ```swift
/// let store = try Store(path: Store.defaultPath(environment: ProcessInfo.processInfo.environment))
/// let board = try store.loadBoard(now: Date())
/// try store.perform(expecting: (RecordRef(.escalation, 88), 3)) { records in
///     try command.apply(to: records, actor: "alice", now: now, config: config)
/// }
/// ```
public final class Store: Sendable {
    /// Where the store lives when neither `--store` nor `ONCALL_STORE` says: `$XDG_DATA_HOME/oncall/oncall.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        let base =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/oncall/oncall.sqlite"
    }

    /// How long a writer waits for another process's write before giving up with `StoreError.locked`.
    public static let defaultBusyTimeout: TimeInterval = 5

    public let path: String
    public let busyTimeout: TimeInterval
    private let pool: DatabasePool
    private let dataVersion = DataVersionMemory()

    /// Opens (creating directory 0700 and file 0600 when missing) and migrates the store.
    public convenience init(path: String) throws {
        try self.init(path: path, busyTimeout: Self.defaultBusyTimeout)
    }

    /// Opens the store with a chosen busy timeout (seconds).
    public convenience init(path: String, busyTimeout: TimeInterval) throws {
        try self.init(path: path, busyTimeout: busyTimeout, maxPageCount: nil)
    }

    /// `maxPageCount` caps the file's size, so tests can fill the "disk" without filling the disk.
    init(path: String, busyTimeout: TimeInterval, maxPageCount: Int?) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        // Past a file-size limit the kernel sends SIGXFSZ, which kills the process by default; ignored, the
        // write fails with EFBIG instead and the command reports a clear error with the store intact.
        signal(SIGXFSZ, SIG_IGN)
        try StoreFile.prepare(path: path)
        try Self.probeBeforeWriting(path: path, busyTimeout: busyTimeout)

        var configuration = Configuration()
        configuration.label = "oncall"
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // In WAL mode `synchronous=NORMAL` can lose the last commits on a power cut (the WAL is synced only
            // at checkpoints). FULL fsyncs the WAL at every commit: once `perform` returns, the action is on
            // disk. Set again here because GRDB's WAL set-up puts the writer back to NORMAL after
            // `prepareDatabase` has run.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let migrator = StoreSchema.migrator
            let (unknown, upToDate) = try pool.read { db in
                (
                    try migrator.hasBeenSuperseded(db)
                        ? try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted() : [],
                    try migrator.hasCompletedMigrations(db)
                )
            }
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, migrations: unknown) }
            // Migrating takes the write lock: skip it when there is nothing to do, so opening an up-to-date
            // store does not queue behind another process's write.
            if !upToDate { try migrator.migrate(pool) }
            // The baseline for `hasExternalChanges` is taken now, before any load: a commit made by another
            // process between opening and the first poll must count as a change, not become the baseline.
            let version = try pool.writeWithoutTransaction { db in
                try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
            }
            _ = dataVersion.changed(to: version)
        } catch {
            throw Self.converting(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Loads the open records (or every record with `all`) for a view: rota entries from a day before `now`
    /// to eight days after it (all of them with `all`).
    public func loadBoard(all: Bool = false, now: Date) throws -> Board {
        try guarded { try pool.read { db in try BoardQueries.load(db, all: all, now: now) } }
    }

    /// Runs one command in one write transaction: `body` reads through the lookup and returns the outcome;
    /// the store checks `expecting` (the revision the caller saw; 0 = the record did not exist), writes the
    /// changes and the audit events, and commits durably. With `dryRun` everything runs and is rolled back.
    /// Errors thrown by `body` pass through unchanged; database errors become `StoreError`s.
    /// Returns the outcome as written: records with their new revisions, audit events with their ids.
    @discardableResult
    public func perform(
        expecting: (ref: RecordRef, revision: Int)? = nil, dryRun: Bool = false,
        _ body: (any RecordLookup) throws -> Outcome
    ) throws -> Outcome {
        try guarded {
            try pool.writeWithoutTransaction { db in
                var written: Outcome?
                // IMMEDIATE takes the write lock up front, so a busy store makes us wait (busy timeout) instead
                // of failing when a read transaction tries to become a write one.
                try db.inTransaction(.immediate) {
                    let lookup = DatabaseLookup(db: db)
                    // Checked before `body`: a stale caller hears "changed since you loaded it", not a
                    // refusal about a state it never saw.
                    if let expecting { try ChangeWriter.check(expecting, in: lookup) }
                    let outcome = try body(lookup)
                    written = try ChangeWriter.write(outcome, in: lookup)
                    return dryRun ? .rollback : .commit
                }
                guard let written else {
                    throw StoreError.unavailable(path: path, reason: "the transaction did not run")
                }
                return written
            }
        }
    }

    /// Reads through the same lookup a command gets, in one read transaction (resolving an address, say).
    public func lookup<T>(_ body: (any RecordLookup) throws -> T) throws -> T {
        try guarded { try pool.read { db in try body(DatabaseLookup(db: db)) } }
    }

    /// The audit trail, newest first; optionally for one record.
    public func auditLog(limit: Int, target: RecordRef? = nil) throws -> [AuditEvent] {
        try guarded {
            try pool.read { db in
                let rows: [Row]
                if let target {
                    rows = try Row.fetchAll(
                        db.cachedStatement(sql: AuditQueries.newestForTarget),
                        arguments: [target.kind.rawValue, target.id, max(limit, 0)])
                } else {
                    rows = try Row.fetchAll(
                        db.cachedStatement(sql: AuditQueries.newest), arguments: [max(limit, 0)])
                }
                return try rows.map(AuditEvent.init(row:))
            }
        }
    }

    /// The audit events at or after `since`, oldest first, at most `limit` of them.
    public func auditLog(since: Date, limit: Int = 10_000) throws -> [AuditEvent] {
        try guarded {
            try pool.read { db in
                try Row.fetchAll(
                    db.cachedStatement(sql: AuditQueries.since), arguments: [StoredDate.text(since), max(limit, 0)]
                ).map(AuditEvent.init(row:))
            }
        }
    }

    /// True when another process has committed since the last call (or since the store was opened).
    ///
    /// Polls `PRAGMA data_version` on the writer connection: it changes only for other connections' commits,
    /// and its value is per connection, so it must always be read on the same one. One pragma, no disk read.
    public func hasExternalChanges() throws -> Bool {
        let version = try guarded {
            try pool.writeWithoutTransaction { db in
                try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
            }
        }
        return dataVersion.changed(to: version)
    }

    /// Every person named in the store (rota, owners, engineers, leads), sorted, for completion.
    public func allEngineers() throws -> [String] {
        try guarded {
            try pool.read { db in
                try String?.fetchAll(
                    db,
                    sql: """
                        SELECT name FROM rota UNION SELECT covering FROM rota
                        UNION SELECT owner FROM escalation UNION SELECT acknowledgedBy FROM escalation
                        UNION SELECT engineer FROM emergency UNION SELECT lead FROM emergency
                        UNION SELECT engineer FROM upgrade UNION SELECT assignee FROM ticket
                        """
                ).compactMap { $0 }.filter { !$0.isEmpty }.sorted()
            }
        }
    }

    /// How many records the store holds, open and in total. Counts the whole history: for `status --all` or
    /// a report, not for every frame.
    public func counts() throws -> StoreCounts {
        try guarded {
            try pool.read { db in
                func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
                return StoreCounts(
                    tickets: try count("SELECT count(*) FROM ticket"),
                    waitingTickets: try count(
                        "SELECT count(*) FROM ticket WHERE firstReplyAt IS NULL"
                            + " AND status NOT IN ('solved', 'closed', 'deleted')"),
                    escalations: try count("SELECT count(*) FROM escalation"),
                    openEscalations: try count(
                        "SELECT count(*) FROM escalation WHERE state IN ('new', 'acknowledged', 'assigned')"),
                    emergencies: try count("SELECT count(*) FROM emergency"),
                    openEmergencies: try count(
                        "SELECT count(*) FROM emergency WHERE state IN ('triggered', 'acknowledged')"),
                    rota: try count("SELECT count(*) FROM rota"),
                    upgrades: try count("SELECT count(*) FROM upgrade"),
                    notices: try count("SELECT count(*) FROM notice"),
                    auditEvents: try count("SELECT count(*) FROM audit"))
            }
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise the problems found.
    public func integrityCheck() throws -> [String] {
        try guarded { try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
    }

    /// `EXPLAIN QUERY PLAN` of each query the board, the audit log and a command's lookups run:
    /// name -> plan lines.
    func queryPlans() throws -> [String: [String]] {
        try pool.read { db in
            var plans: [String: [String]] = [:]
            for (name, sql) in BoardQueries.openQueries + AuditQueries.all + [("lookup", DatabaseLookup.ticketById)] {
                let placeholders = sql.filter { $0 == "?" }.count
                let arguments = StatementArguments(Array(repeating: "x" as String, count: placeholders))
                plans[name] = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
                    .map { try $0.decode(String.self, forColumn: "detail") }
            }
            return plans
        }
    }

    /// GRDB's WAL set-up commits a dummy `CREATE TABLE`/`DROP TABLE` whenever it opens a pool without a WAL
    /// file (every CLI run): on a damaged file that write could allocate over live pages, and the file is no
    /// longer "left untouched". So the schema and the migrations table are read first on a read-only
    /// connection, and a damaged start of file is refused before anything is written.
    private static func probeBeforeWriting(path: String, busyTimeout: TimeInterval) throws {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                if try db.tableExists("grdb_migrations") {
                    _ = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                }
            }
            try queue.close()
        } catch {
            throw converting(error, path: path, busyTimeout: busyTimeout)
        }
    }

    private func guarded<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch { throw Self.converting(error, path: path, busyTimeout: busyTimeout) }
    }

    private static func converting(_ error: any Error, path: String, busyTimeout: TimeInterval) -> any Error {
        if let problem = error as? StoredValueError {
            return StoreError.corrupt(path: path, reason: problem.description)
        }
        return StoreError.converting(error, path: path, busyTimeout: busyTimeout)
    }
}
