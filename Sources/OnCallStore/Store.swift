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
    /// Why the store was opened read-only (nil = read-write); every write is refused with this reason.
    public let readOnlyReason: String?
    /// What the user should hear about where the store lives (a directory other users can write to).
    public let warnings: [String]
    let pool: DatabasePool
    private let dataVersion = DataVersionMemory()
    /// The file opened; checked before each write and poll, so a file moved over the path is never mixed in.
    private let identity: FileIdentity?

    /// Opens the store for a reading verb or `dashboard --readonly`: an existing store that cannot be written
    /// (a read-only mount, no write permission) opens read-only and every write is refused with the reason;
    /// otherwise it opens read-write as usual.
    public static func openForReading(path: String) throws -> Store {
        guard let readOnly = try StoreFile.prepareForReading(path: path) else { return try Store(path: path) }
        return try Store(path: path, busyTimeout: defaultBusyTimeout, maxPageCount: nil, readOnly: readOnly)
    }

    /// Opens (creating directory 0700 and file 0600 when missing) and migrates the store.
    public convenience init(path: String) throws {
        try self.init(path: path, busyTimeout: Self.defaultBusyTimeout)
    }

    /// Opens the store with a chosen busy timeout (seconds).
    public convenience init(path: String, busyTimeout: TimeInterval) throws {
        try self.init(path: path, busyTimeout: busyTimeout, maxPageCount: nil)
    }

    /// `maxPageCount` caps the file's size, so tests can fill the "disk" without filling the disk.
    init(
        path: String, busyTimeout: TimeInterval, maxPageCount: Int?,
        readOnly: (reason: String, readOnlyMedium: Bool)? = nil
    ) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        readOnlyReason = readOnly?.reason
        // Past a file-size limit the kernel sends SIGXFSZ, which kills the process by default; ignored, the
        // write fails with EFBIG instead and the command reports a clear error with the store intact.
        signal(SIGXFSZ, SIG_IGN)
        if readOnly == nil {
            warnings = try StoreFile.prepare(path: path)
            try Self.probeBeforeWriting(path: path, busyTimeout: busyTimeout)
        } else {
            warnings = []
        }

        var configuration = Configuration()
        configuration.readonly = readOnly != nil
        configuration.label = "oncall"
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        do {
            // On read-only media SQLite cannot create the `-shm` a WAL store needs to be read; nobody can
            // write there either, so the file is read as immutable.
            let location = readOnly?.readOnlyMedium == true ? Self.immutableURI(path) : path
            pool = try DatabasePool(path: location, configuration: configuration)
            identity = FileIdentity.of(path)
            // In WAL mode `synchronous=NORMAL` can lose the last commits on a power cut (the WAL is synced only
            // at checkpoints). FULL fsyncs the WAL at every commit: once `perform` returns, the action is on
            // disk. Set again here because GRDB's WAL set-up puts the writer back to NORMAL after
            // `prepareDatabase` has run.
            if readOnly == nil {
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            }
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
            if !upToDate, let readOnly {
                throw StoreError.readOnly(
                    path: path,
                    reason: "\(readOnly.reason), and it needs this oncall's schema upgrade first "
                        + "(open it once where it can be written)")
            }
            if !upToDate { try Self.migrate(pool, with: migrator) }
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

    /// `file:PATH?immutable=1`, the path escaped for a URI (the system SQLite is built with URI names on).
    private static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }

    /// Throws `StoreError.replaced` when the file at `path` is no longer the one opened.
    public func checkStillTheSameFile() throws {
        guard let identity else { return }
        if FileIdentity.of(path) != identity { throw StoreError.replaced(path: path) }
    }

    /// Checkpoints the WAL into the file that was opened and empties the `-wal` file, then closes every
    /// connection; any later use throws. SQLite would not do it on close here (GRDB closes the writer before
    /// its read-only readers, and SQLite skips the checkpoint for a file moved since it was opened), so a
    /// store moved over the path would otherwise be read with the old file's WAL.
    public func close() throws {
        if readOnlyReason == nil {
            try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        try guarded { try pool.close() }
    }

    /// Loads the open records (or every record with `all`) for a view: rota entries from a day before `now`
    /// to eight days after it (all of them with `all`).
    public func loadBoard(all: Bool = false, now: Date) throws -> Board {
        try checkStillTheSameFile()
        return try guarded { try pool.read { db in try BoardQueries.load(db, all: all, now: now) } }
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
        if let readOnlyReason {
            throw StoreError.readOnly(path: path, reason: "\(readOnlyReason), so it was opened read-only")
        }
        return try guarded {
            try pool.writeWithoutTransaction { db in
                var written: Outcome?
                // IMMEDIATE takes the write lock up front, so a busy store makes us wait (busy timeout) instead
                // of failing when a read transaction tries to become a write one.
                try db.inTransaction(.immediate) {
                    // Under the lock: a file moved over the path before we took it is caught here.
                    try self.checkStillTheSameFile()
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
        try checkStillTheSameFile()
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

    /// Runs the pending migrations, safe against other processes opening the same old store at once.
    ///
    /// GRDB decides what is pending before it takes the write lock, so two processes can both start the same
    /// step; each step runs in its own IMMEDIATE transaction together with its row in `grdb_migrations`, so
    /// the second one fails (a duplicate column, or that row's primary key) and is rolled back whole. Then
    /// what is applied is read again: done by the other process means success; still pending means try
    /// again, now behind the other's lock. A step therefore takes effect exactly once.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try migrator.migrate(pool)
                return
            } catch {
                let done = (try? pool.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
                if done { return }
                // Each failed attempt means another process applied a step: at most one per step.
                if attempt > migrator.migrations.count + 1 { throw error }
            }
        }
    }

    func guarded<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch { throw Self.converting(error, path: path, busyTimeout: busyTimeout) }
    }

    private static func converting(_ error: any Error, path: String, busyTimeout: TimeInterval) -> any Error {
        if let problem = error as? StoredValueError {
            return StoreError.corrupt(path: path, reason: problem.description)
        }
        return StoreError.converting(error, path: path, busyTimeout: busyTimeout)
    }
}
