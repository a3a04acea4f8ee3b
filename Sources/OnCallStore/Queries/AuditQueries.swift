/// The SQL behind `auditLog`: newest first by id (insertion order), through the rowid or `audit_target`,
/// never sorting the whole log.
enum AuditQueries {
    /// What an event brings; the store adds its `id`.
    static let insertColumns = #"at, actor, verb, targetKind, targetId, "before", "after", note"#
    static let columns = "id, " + insertColumns
    static let newest = "SELECT \(columns) FROM audit ORDER BY id DESC LIMIT ?"
    static let newestForTarget = """
        SELECT \(columns) FROM audit WHERE targetKind = ? AND targetId = ? ORDER BY id DESC LIMIT ?
        """
    /// Oldest first, for the hand-off report's "what was done during the shift" (uses `audit_at`).
    static let since = "SELECT \(columns) FROM audit WHERE at >= ? ORDER BY at, id LIMIT ?"

    static let all: [(name: String, sql: String)] = [
        ("auditNewest", newest), ("auditForTarget", newestForTarget), ("auditSince", since),
    ]
}
