import Foundation
import GRDB
import OnCallRules

/// The SQL of the sync tables (migration `sync-state`). Each writer reports whether it changed a row.
enum SyncQueries {
    static func writeCursors(_ cursors: [String: String], source: String, db: Database) throws -> Bool {
        var changed = false
        for (name, value) in cursors.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: """
                    INSERT INTO sync_cursor (source, name, value) VALUES (?, ?, ?)
                    ON CONFLICT(source, name) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value
                    """,
                arguments: [source, name, value])
            changed = changed || db.changesCount > 0
        }
        return changed
    }

    static func writePeople(_ people: [PulledPerson], db: Database) throws -> Bool {
        var changed = false
        let now = StoredDate.text(Date())
        for p in people where !p.name.isEmpty {
            try db.execute(
                sql: """
                    INSERT INTO person (name, email, pagerdutyId, gitlabUsername, gitlabId, slackId, zendeskId, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET
                        email = coalesce(excluded.email, email),
                        pagerdutyId = coalesce(excluded.pagerdutyId, pagerdutyId),
                        gitlabUsername = coalesce(excluded.gitlabUsername, gitlabUsername),
                        gitlabId = coalesce(excluded.gitlabId, gitlabId),
                        slackId = coalesce(excluded.slackId, slackId),
                        zendeskId = coalesce(excluded.zendeskId, zendeskId),
                        updatedAt = excluded.updatedAt
                    WHERE coalesce(excluded.email, email) IS NOT email
                        OR coalesce(excluded.pagerdutyId, pagerdutyId) IS NOT pagerdutyId
                        OR coalesce(excluded.gitlabUsername, gitlabUsername) IS NOT gitlabUsername
                        OR coalesce(excluded.gitlabId, gitlabId) IS NOT gitlabId
                        OR coalesce(excluded.slackId, slackId) IS NOT slackId
                        OR coalesce(excluded.zendeskId, zendeskId) IS NOT zendeskId
                    """,
                arguments: [p.name, p.email, p.pagerdutyId, p.gitlabUsername, p.gitlabId, p.slackId, p.zendeskId, now])
            changed = changed || db.changesCount > 0
        }
        return changed
    }

    static func writeLinks(_ links: [EscalationLink], lookup: DatabaseLookup) throws -> Bool {
        var changed = false
        for link in links {
            guard let id = try escalationId(of: link, lookup: lookup) else { continue }
            try lookup.db.execute(
                sql: """
                    INSERT INTO escalation_link (escalationId, webURL, slackChannel, slackTs) VALUES (?, ?, ?, ?)
                    ON CONFLICT(escalationId) DO UPDATE SET
                        webURL = coalesce(excluded.webURL, webURL),
                        slackChannel = coalesce(excluded.slackChannel, slackChannel),
                        slackTs = coalesce(excluded.slackTs, slackTs)
                    WHERE coalesce(excluded.webURL, webURL) IS NOT webURL
                        OR coalesce(excluded.slackChannel, slackChannel) IS NOT slackChannel
                        OR coalesce(excluded.slackTs, slackTs) IS NOT slackTs
                    """,
                arguments: [id, link.webURL, link.slackChannel, link.slackTs])
            changed = changed || lookup.db.changesCount > 0
        }
        return changed
    }

    private static func escalationId(of link: EscalationLink, lookup: DatabaseLookup) throws -> Int64? {
        if let id = link.escalationId { return try lookup.escalation(id) == nil ? nil : id }
        guard let iid = link.iid else { return nil }
        if let projectId = link.projectId, let e = try lookup.escalation(projectId: projectId, iid: iid) {
            return e.id
        }
        let candidates = try lookup.escalations(number: iid)
        if let project = link.project { return candidates.first { $0.project == project }?.id }
        return candidates.count == 1 ? candidates[0].id : nil
    }

    static func statusRows(_ db: Database) throws -> [String: SourceStatusRow] {
        var result: [String: SourceStatusRow] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM sync_status") {
            func date(_ column: String) -> Date? { (row[column] as String?).flatMap(StoredDate.date) }
            let status = SourceStatusRow(
                source: row["source"], lastAttemptAt: date("lastAttemptAt"), lastSuccessAt: date("lastSuccessAt"),
                lastError: row["lastError"], failingSince: date("failingSince"), nextPollAt: date("nextPollAt"),
                rateLimitedUntil: date("rateLimitedUntil"), lastSummary: row["lastSummary"])
            result[status.source] = status
        }
        return result
    }

    /// The sources' state for the board, in the contract's order (a source never pulled has no row).
    static func health(_ db: Database) throws -> [SourceHealth] {
        try statusRows(db).values.compactMap { row -> SourceHealth? in
            guard let kind = SourceKind(rawValue: row.source) else { return nil }
            return SourceHealth(
                source: kind, lastSuccessAt: row.lastSuccessAt, lastError: row.lastError,
                failingSince: row.failingSince, rateLimitedUntil: row.rateLimitedUntil)
        }.sorted { $0.source < $1.source }
    }

    static func writeStatus(_ s: SourceStatusRow, db: Database) throws {
        func text(_ date: Date?) -> String? { date.map(StoredDate.text) }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO sync_status
                    (source, lastAttemptAt, lastSuccessAt, lastError, failingSince, nextPollAt, rateLimitedUntil, lastSummary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                s.source, text(s.lastAttemptAt), text(s.lastSuccessAt), s.lastError, text(s.failingSince),
                text(s.nextPollAt), text(s.rateLimitedUntil), s.lastSummary,
            ])
    }

    static func lease(_ db: Database) throws -> SyncLease? {
        guard let row = try Row.fetchOne(db, sql: "SELECT pid, host, acquiredAt, expiresAt FROM sync_lease WHERE id = 1")
        else { return nil }
        let pid: Int64 = row["pid"]
        return SyncLease(
            pid: Int32(truncatingIfNeeded: pid), host: row["host"],
            acquiredAt: StoredDate.date(row["acquiredAt"]) ?? .distantPast,
            expiresAt: StoredDate.date(row["expiresAt"]) ?? .distantPast)
    }

    static func people(_ db: Database) throws -> [PulledPerson] {
        try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY name").map { row in
            PulledPerson(
                name: row["name"], email: row["email"], pagerdutyId: row["pagerdutyId"],
                gitlabUsername: row["gitlabUsername"], gitlabId: row["gitlabId"], slackId: row["slackId"],
                zendeskId: row["zendeskId"])
        }
    }

    static func links(_ db: Database) throws -> [Int64: EscalationLink] {
        var result: [Int64: EscalationLink] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM escalation_link") {
            let id: Int64 = row["escalationId"]
            result[id] = EscalationLink(
                escalationId: id, webURL: row["webURL"], slackChannel: row["slackChannel"], slackTs: row["slackTs"])
        }
        return result
    }
}
