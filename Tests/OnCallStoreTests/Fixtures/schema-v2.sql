PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1');
INSERT INTO grdb_migrations VALUES('v2');
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
INSERT INTO ticket VALUES(1,'Ticket 1 — café ☕','Org 1','priority','high','open','2026-11-18 11:05:40.000',NULL,'EMEA','erin',NULL,0,'2026-11-18 11:04:40.000',1);
INSERT INTO ticket VALUES(2,'Ticket 2 — café ☕','Org 2','priority','high','open','2026-11-18 11:04:40.000','2026-11-18 11:05:40.000','EMEA','erin',NULL,0,'2026-11-18 11:04:40.000',1);
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
INSERT INTO escalation VALUES(88,1088,'Escalation 88','ACME','urgent','acknowledged','2026-11-18 10:36:40.000','bob','2026-11-18 10:46:40.000',NULL,'["Escalation::License-Issue","ünïcode"]',NULL,NULL,NULL,NULL,NULL,2);
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
INSERT INTO emergency VALUES(7,7,'Emergency 7','Globex','2026-11-18 10:54:40.000','dave',NULL,'alice','triggered','[{"at":"2026-11-18T11:01:40.000Z","from":"alice","note":"end of shift","to":"bob"}]',NULL,NULL,'PT4KHLK',42,NULL,1,'["rotate-tokens"]',NULL,1);
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
INSERT INTO rota VALUES(1,'Ana Lúcia','APAC','2026-11-18 09:06:40.000','2026-11-18 17:06:40.000','shift',NULL,NULL,'manual',1);
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
, rescheduledAt TEXT);
INSERT INTO upgrade VALUES(5,'Initech','2026-11-18 21:06:40.000','2026-11-18 01:06:40.000',0,NULL,NULL,NULL,0,1,'2026-11-18 06:06:40.000');
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
INSERT INTO notice VALUES(3,'security','Security incident 3','frank',NULL,'2026-11-18 10:06:40.000',NULL,NULL,1);
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
INSERT INTO audit VALUES(1,'2026-11-18 11:06:40.000','tester','test.write','ticket',1,'a','b','n');
INSERT INTO audit VALUES(2,'2026-11-18 11:06:40.000','tester','test.write','ticket',2,'a','b','n');
INSERT INTO audit VALUES(3,'2026-11-18 11:06:40.000','tester','test.write','escalation',88,'a','b','n');
INSERT INTO audit VALUES(4,'2026-11-18 11:06:40.000','tester','test.write','emergency',7,'a','b','n');
INSERT INTO audit VALUES(5,'2026-11-18 11:06:40.000','tester','test.write','rota',1,'a','b','n');
INSERT INTO audit VALUES(6,'2026-11-18 11:06:40.000','tester','test.write','upgrade',5,'a','b','n');
INSERT INTO audit VALUES(7,'2026-11-18 11:06:40.000','tester','test.write','notice',3,'a','b','n');
INSERT INTO audit VALUES(8,'2026-11-18 11:11:40.000','tester','test.write','escalation',88,'a','b','n');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('audit',8);
CREATE INDEX ticket_waiting ON ticket(createdAt)
    WHERE firstReplyAt IS NULL AND status NOT IN ('solved', 'closed', 'deleted');
CREATE INDEX escalation_open ON escalation(state, announcedAt)
    WHERE state IN ('new', 'acknowledged', 'assigned');
CREATE INDEX emergency_open ON emergency(state, pagedAt) WHERE state IN ('triggered', 'acknowledged');
CREATE INDEX rota_end ON rota("end");
CREATE INDEX upgrade_pending ON upgrade(scheduledAt) WHERE done = 0;
CREATE INDEX notice_active ON notice(since) WHERE clearedAt IS NULL;
CREATE INDEX audit_target ON audit(targetKind, targetId);
CREATE INDEX audit_at ON audit(at);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
COMMIT;
