import GRDB

/// The store's schema as named migrations. A released step is never edited: add "v2", "v3"... after it, and
/// keep a dump of each released schema in `Tests/OnCallStoreTests/Fixtures`.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
        migrator.registerMigration("v2") { db in try db.execute(sql: v2) }
        migrator.registerMigration("ticket-form-tags-stage") { db in try db.execute(sql: ticketFormTagsStage) }
        migrator.registerMigration("vendor-identity-keys") { db in try db.execute(sql: vendorIdentityKeys) }
        migrator.registerMigration("sync-state") { db in try db.execute(sql: syncState) }
        migrator.registerMigration("emergency-service") { db in try db.execute(sql: emergencyService) }
        return migrator
    }

    /// Dates are GRDB's text form ("yyyy-MM-dd HH:mm:ss.SSS", UTC), so they sort and read well in `sqlite3`.
    /// Arrays (labels, hand-offs, checklist) are JSON text. Every record table has a `revision` bumped on
    /// each write. The open-item indexes are partial: they hold only what the dashboard shows, so reading
    /// the board costs the same after a year of history.
    /// v2: when an upgrade request was last rescheduled (its notice counts from then).
    static let v2 = """
        ALTER TABLE upgrade ADD COLUMN rescheduledAt TEXT;
        """

    /// Issue 15: the ticket form, tags and stage the SLA policies match on (tickets stored before have none:
    /// no form, no tags, unknown stage).
    static let ticketFormTagsStage = """
        ALTER TABLE ticket ADD COLUMN form TEXT;
        ALTER TABLE ticket ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE ticket ADD COLUMN stage TEXT;
        """

    /// Issue 15: the PagerDuty service an emergency was paged on, which picks its missed-page tiers (emergencies
    /// stored before have none: the default tiers).
    static let emergencyService = """
        ALTER TABLE emergency ADD COLUMN serviceId TEXT;
        ALTER TABLE emergency ADD COLUMN serviceName TEXT;
        """

    /// Records keyed by the vendor's own identity (issue 17): an imported emergency is found by its PagerDuty
    /// incident id (the ticket number becomes a plain attribute), an imported escalation by GitLab project id +
    /// iid. Every record keeps its `id`, so every audit event (append-only: its `targetId` can never be
    /// rewritten) still points at its record; only new columns and indexes are added. Rows written before
    /// have no project (they are adopted by the first import of their iid) and a known page time.
    /// The incident index is not UNIQUE: the old keying could file one incident under two numbers (its title
    /// gained a ticket number later), and both rows are kept; the merge picks the lowest id.
    static let vendorIdentityKeys = """
        ALTER TABLE escalation ADD COLUMN iid INTEGER;
        ALTER TABLE escalation ADD COLUMN projectId INTEGER;
        ALTER TABLE escalation ADD COLUMN project TEXT;
        CREATE UNIQUE INDEX escalation_identity ON escalation(projectId, iid) WHERE projectId IS NOT NULL;
        CREATE INDEX escalation_number ON escalation(coalesce(iid, id));
        ALTER TABLE emergency ADD COLUMN pageTimeKnown INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX emergency_incident ON emergency(incidentId) WHERE incidentId IS NOT NULL;
        CREATE INDEX emergency_ticket ON emergency(ticket) WHERE ticket IS NOT NULL;
        CREATE INDEX emergency_incident_number ON emergency(incidentNumber) WHERE incidentNumber IS NOT NULL;
        """

    /// Issue 11, the live pull: per source its cursors / high-water marks (written in the transaction that
    /// wrote the records they brought), its last pull and error; one lease row naming the one process that
    /// pulls for this store; the people directory learnt from the pulls; each escalation's GitLab web URL and
    /// Slack announcement (channel + ts) for the write-back. No record table changes.
    static let syncState = """
        CREATE TABLE sync_cursor (
            source TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (source, name)
        ) WITHOUT ROWID;
        CREATE TABLE sync_status (
            source TEXT PRIMARY KEY,
            lastAttemptAt TEXT,
            lastSuccessAt TEXT,
            lastError TEXT,
            failingSince TEXT,
            nextPollAt TEXT,
            rateLimitedUntil TEXT,
            lastSummary TEXT
        );
        CREATE TABLE sync_lease (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            acquiredAt TEXT NOT NULL,
            expiresAt TEXT NOT NULL
        );
        CREATE TABLE person (
            name TEXT PRIMARY KEY,
            email TEXT,
            pagerdutyId TEXT,
            gitlabUsername TEXT,
            gitlabId INTEGER,
            slackId TEXT,
            zendeskId INTEGER,
            updatedAt TEXT NOT NULL
        );
        CREATE TABLE escalation_link (
            escalationId INTEGER PRIMARY KEY REFERENCES escalation(id),
            webURL TEXT,
            slackChannel TEXT,
            slackTs TEXT
        );
        """

    static let v1 = """
        CREATE TABLE ticket (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL,
            organization TEXT,
            plan TEXT NOT NULL,
            priority TEXT,
            status TEXT NOT NULL,
            createdAt TEXT NOT NULL,
            firstReplyAt TEXT,
            region TEXT,
            assignee TEXT,
            slaBreachAt TEXT,
            slaPaused INTEGER NOT NULL DEFAULT 0,
            sourceUpdatedAt TEXT,
            revision INTEGER NOT NULL
        );
        CREATE INDEX ticket_waiting ON ticket(createdAt)
            WHERE firstReplyAt IS NULL AND status NOT IN ('solved', 'closed', 'deleted');

        CREATE TABLE escalation (
            id INTEGER PRIMARY KEY,
            ticket INTEGER,
            title TEXT NOT NULL,
            customer TEXT,
            urgency TEXT NOT NULL,
            state TEXT NOT NULL,
            announcedAt TEXT NOT NULL,
            acknowledgedBy TEXT,
            acknowledgedAt TEXT,
            owner TEXT,
            labels TEXT NOT NULL DEFAULT '[]',
            resolutionComment TEXT,
            rejectionReason TEXT,
            closedAt TEXT,
            emergencyId INTEGER,
            sourceUpdatedAt TEXT,
            revision INTEGER NOT NULL
        );
        CREATE INDEX escalation_open ON escalation(state, announcedAt)
            WHERE state IN ('new', 'acknowledged', 'assigned');

        CREATE TABLE emergency (
            id INTEGER PRIMARY KEY,
            ticket INTEGER,
            title TEXT NOT NULL,
            customer TEXT,
            pagedAt TEXT NOT NULL,
            engineer TEXT,
            engineerAcknowledgedAt TEXT,
            lead TEXT,
            state TEXT NOT NULL,
            handoffs TEXT NOT NULL DEFAULT '[]',
            resolvedAt TEXT,
            escalatedAt TEXT,
            incidentId TEXT,
            incidentNumber INTEGER,
            escalationId INTEGER,
            compromised INTEGER NOT NULL DEFAULT 0,
            checklistDone TEXT NOT NULL DEFAULT '[]',
            sourceUpdatedAt TEXT,
            revision INTEGER NOT NULL
        );
        CREATE INDEX emergency_open ON emergency(state, pagedAt) WHERE state IN ('triggered', 'acknowledged');

        CREATE TABLE rota (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            region TEXT,
            start TEXT NOT NULL,
            "end" TEXT NOT NULL,
            kind TEXT NOT NULL,
            covering TEXT,
            note TEXT,
            source TEXT NOT NULL,
            revision INTEGER NOT NULL
        );
        CREATE INDEX rota_end ON rota("end");

        CREATE TABLE upgrade (
            id INTEGER PRIMARY KEY,
            customer TEXT NOT NULL,
            scheduledAt TEXT NOT NULL,
            requestedAt TEXT NOT NULL,
            complex INTEGER NOT NULL DEFAULT 0,
            engineer TEXT,
            engineerChangedAt TEXT,
            previousEngineer TEXT,
            done INTEGER NOT NULL DEFAULT 0,
            revision INTEGER NOT NULL
        );
        CREATE INDEX upgrade_pending ON upgrade(scheduledAt) WHERE done = 0;

        CREATE TABLE notice (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            cmoc TEXT,
            link TEXT,
            since TEXT NOT NULL,
            clearedAt TEXT,
            clearedBy TEXT,
            revision INTEGER NOT NULL
        );
        CREATE INDEX notice_active ON notice(since) WHERE clearedAt IS NULL;

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            verb TEXT NOT NULL,
            targetKind TEXT NOT NULL,
            targetId INTEGER NOT NULL,
            "before" TEXT,
            "after" TEXT,
            note TEXT
        );
        CREATE INDEX audit_target ON audit(targetKind, targetId);
        CREATE INDEX audit_at ON audit(at);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
}
