import Foundation

extension CommandRules {
    /// Adds a notice. An id of 0 or less takes `records.nextId(.notice)`; a given id must be new.
    func addNotice(_ notice: Notice) throws -> Outcome {
        var notice = notice
        notice.kind = try required(notice.kind, "--kind: a notice needs a kind")
        notice.title = try required(notice.title, "--title: a notice needs a title")
        notice.cmoc = try optional(notice.cmoc, "--cmoc: a CMOC name cannot be blank")
        notice.link = try optional(notice.link, "--link: a link cannot be blank")
        if notice.id <= 0 {
            notice.id = try records.nextId(.notice)
        } else if try records.notice(notice.id) != nil {
            throw RuleError.refused("notice \(notice.id) already exists")
        }
        return one(
            .notice(notice),
            audit("notice.add", RecordRef(.notice, notice.id), before: nil, after: "\(notice.kind): \(notice.title)"),
            "notice \(notice.id) added (\(notice.kind))")
    }

    func clearNotice(_ id: Int64) throws -> Outcome {
        guard var notice = try records.notice(id) else { throw RuleError.notFound(RecordRef(.notice, id)) }
        if let cleared = notice.clearedAt {
            let by = notice.clearedBy.map { " by \($0)" } ?? ""
            throw RuleError.refused("notice \(id) was already cleared\(by) at \(time(cleared))")
        }
        notice.clearedAt = now
        notice.clearedBy = actor
        return one(
            .notice(notice), audit("notice.clear", RecordRef(.notice, id), before: "active", after: "cleared"),
            "notice \(id) cleared")
    }
}
