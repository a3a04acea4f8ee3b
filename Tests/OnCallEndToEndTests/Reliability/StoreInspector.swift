import Foundation
import GRDB
import OnCallStore

/// Reads a store file after a run, read-only, to check what the CLI cannot show: integrity, audit coverage,
/// whole-table fingerprints. Never writes.
final class StoreInspector {
    static let recordTables = ["ticket", "escalation", "emergency", "rota", "upgrade", "notice"]
    let queue: DatabaseQueue
    let path: String

    init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// `PRAGMA integrity_check` through the store's own API.
    func integrity() throws -> [String] {
        try Store(path: path).integrityCheck()
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    func strings(_ sql: String, _ arguments: StatementArguments = []) throws -> [String] {
        try queue.read { db in try String.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// Records with no audit event naming them, per table (a record written without its audit trail).
    func recordsWithoutAudit() throws -> [String: Int] {
        var found: [String: Int] = [:]
        for table in Self.recordTables {
            let missing = try count(
                "SELECT count(*) FROM \(table) t WHERE NOT EXISTS "
                    + "(SELECT 1 FROM audit a WHERE a.targetKind = ? AND a.targetId = t.id)", [table])
            if missing > 0 { found[table] = missing }
        }
        return found
    }

    /// Audit events whose record is missing, per kind (an audit event committed without its write).
    func auditWithoutRecord() throws -> [String: Int] {
        var found: [String: Int] = [:]
        for table in Self.recordTables {
            let missing = try count(
                "SELECT count(*) FROM audit a WHERE a.targetKind = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM \(table) t WHERE t.id = a.targetId)", [table])
            if missing > 0 { found[table] = missing }
        }
        return found
    }

    /// Every row of every table, in id order, as text: equal fingerprints mean equal stored data.
    func fingerprint() throws -> String {
        try queue.read { db in
            var text = ""
            for table in Self.recordTables + ["audit"] {
                text += "## \(table)\n"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }
}
