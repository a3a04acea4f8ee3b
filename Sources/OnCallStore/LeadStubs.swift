// TEMPORARY: lets the CLI compile before the store branch lands; deleted at merge.
import Foundation
import OnCallRules

extension Store {
    public func loadBoard(all: Bool = false, now: Date) throws -> Board { try loadBoard(all: all) }
    public func auditLog(since: Date) throws -> [AuditEvent] { [] }
}
