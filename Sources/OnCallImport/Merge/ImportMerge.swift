import Foundation
import OnCallRules

/// The result of merging one batch: what to write, and the summary to print.
public struct ImportResult: Sendable, Equatable {
    public var outcome: Outcome
    public var summary: ImportSummary
}

/// Merges a parsed batch with the current records (pure). Rules:
/// - idempotent: a record equal to the stored one (ignoring `revision`) is unchanged and gets no audit event;
/// - never undoes a manager's action: first replies, escalation acknowledgement/owner/closing, emergency
///   acknowledgement, lead, hand-offs and checklist are kept; imported states only move forward;
/// - source times decide: a payload older than the stored `sourceUpdatedAt` changes nothing (tickets,
///   escalations); PagerDuty observations fold so any replay order ends in the same state.
public enum ImportMerge {
    /// The changes (one audit event per changed record, actor `import:<vendor>` unless `actor` says, as the
    /// live pull's `sync:<vendor>` does) and the summary.
    public static func merge(
        _ batch: ImportBatch, records: some RecordLookup, now: Date, actor: String? = nil
    ) throws -> ImportResult {
        var summary = ImportSummary(
            vendor: batch.vendor, input: batch.input, detected: batch.detected, read: batch.read,
            skipped: batch.skipped, warnings: batch.warnings.count, warningMessages: batch.warnings.messages
        )
        var changes: [Change] = []
        var audit: [AuditEvent] = []
        func record<T: AuditFields>(_ ref: RecordRef, _ before: T?, _ after: T) {
            let diff = FieldDiff.describe(before, after)
            audit.append(
                AuditEvent(
                    at: now, actor: actor ?? batch.vendor.actor, verb: before == nil ? "import.new" : "import.update",
                    target: ref, before: diff.before, after: diff.after, note: "from \(batch.input)"
                )
            )
        }
        func count<T: AuditFields>(_ base: T?, _ merged: T) {
            if base == nil {
                summary.new += 1
            } else if base?.sameForImport(as: merged) == true {
                summary.unchanged += 1
            } else {
                summary.updated += 1
            }
        }

        var tickets = Tracker<Ticket>()
        for item in batch.tickets {
            let base = try tickets.base(item.ticket.id) { try records.ticket($0) }
            let merged = mergeTicket(base, item)
            count(base, merged)
            tickets.current[item.ticket.id] = merged
        }
        for (before, after) in tickets.changed() {
            changes.append(.ticket(after))
            record(RecordRef(.ticket, after.id), before, after)
        }

        var emergencies = Tracker<Emergency>()
        var ids = IdentityMap()
        for observation in batch.incidents {
            let id = try emergencyId(for: observation, records: records, tracker: emergencies, ids: &ids)
            let base = try emergencies.base(id) { try records.emergency($0) }
            let merged = fold(observation, into: base, id: id)
            count(base, merged)
            emergencies.current[id] = merged
        }
        for (before, after) in emergencies.changed() {
            changes.append(.emergency(after))
            record(RecordRef(.emergency, after.id), before, after)
        }

        var escalations = Tracker<Escalation>()
        for var item in batch.escalations {
            item.id = try escalationId(for: item, records: records, tracker: escalations, ids: &ids)
            let base = try escalations.base(item.id) { try records.escalation($0) }
            let merged = mergeEscalation(base, item)
            count(base, merged)
            escalations.current[item.id] = merged
        }
        for (before, after) in escalations.changed() {
            changes.append(.escalation(after))
            record(RecordRef(.escalation, after.id), before, after)
        }

        var nextRotaId: Int64?
        for entry in batch.rota {
            let existing = try records.rota(from: entry.start, to: entry.end).first {
                $0.source == entry.source && $0.name == entry.name && $0.start == entry.start && $0.end == entry.end
            }
            var merged = entry
            if let existing {
                merged.id = existing.id
                merged.kind = existing.kind
                merged.covering = existing.covering
                if merged.sameForImport(as: existing) {
                    summary.unchanged += 1
                    continue
                }
                summary.updated += 1
            } else {
                let id = try nextRotaId ?? records.nextId(.rota)
                nextRotaId = id + 1
                merged.id = id
                summary.new += 1
            }
            changes.append(.rota(merged))
            record(RecordRef(.rota, merged.id), existing, merged)
        }

        return ImportResult(outcome: Outcome(changes: changes, audit: audit, message: summary.line), summary: summary)
    }

    /// The outcome alone, for `store.perform { records in try ImportMerge.outcome(batch, records: records, now: now) }`.
    public static func outcome(_ batch: ImportBatch, records: some RecordLookup, now: Date) throws -> Outcome {
        try merge(batch, records: records, now: now).outcome
    }

    // MARK: tickets

    static func mergeTicket(_ base: Ticket?, _ item: ImportedTicket) -> Ticket {
        var t = item.ticket
        if let org = item.unresolvedOrganization { t.organization = base?.organization ?? "org \(org)" }
        if let user = item.unresolvedAssignee { t.assignee = base?.assignee ?? "user \(user)" }
        guard let base else { return t }
        if let old = base.sourceUpdatedAt, let new = t.sourceUpdatedAt, new < old { return base }
        t.revision = base.revision
        if base.firstReplyAt != nil { t.firstReplyAt = base.firstReplyAt }
        if !item.slaKnown {
            t.slaBreachAt = base.slaBreachAt
            t.slaPaused = base.slaPaused
        }
        if t.region == nil { t.region = base.region }
        if t.stage == nil { t.stage = base.stage }
        return t
    }

    // MARK: emergencies

    private static func rank(_ s: EmergencyState) -> Int {
        switch s {
        case .triggered: 0
        case .acknowledged: 1
        case .resolved: 2
        }
    }

    private static func earliest(_ a: Date?, _ b: Date?) -> Date? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    /// Folds one observation into the emergency. Every field is a max/min/first-known, so the order in which
    /// observations arrive does not change the end state; a late `triggered` never reopens a resolved one.
    static func fold(_ o: IncidentObservation, into base: Emergency?, id: Int64) -> Emergency {
        var e =
            base
            ?? Emergency(
                id: id, ticket: o.ticket, title: o.title ?? "PagerDuty incident #\(o.number)",
                pagedAt: o.createdAt ?? o.observedAt, incidentId: o.incidentId, incidentNumber: o.number,
                pageTimeKnown: o.createdAt != nil
            )
        let newer = e.sourceUpdatedAt.map { o.observedAt >= $0 } ?? true
        if let created = o.createdAt {
            // The first payload carrying created_at replaces a stand-in page time, even a later one.
            e.pagedAt = e.pageTimeKnown ? min(e.pagedAt, created) : created
            e.pageTimeKnown = true
        } else if !e.pageTimeKnown {
            e.pagedAt = min(e.pagedAt, o.observedAt)
        }
        if e.incidentId == nil { e.incidentId = o.incidentId }
        if e.incidentNumber == nil { e.incidentNumber = o.number }
        if e.ticket == nil { e.ticket = o.ticket }
        // The service: the newest payload's (an incident can be moved to another service), first known otherwise.
        if let id = o.serviceId, newer || e.serviceId == nil { e.serviceId = id }
        if let name = o.serviceName, newer || e.serviceName == nil { e.serviceName = name }
        // A manager's own emergency (never imported) keeps its title: the page title is often just the number.
        if newer, base?.sourceUpdatedAt != nil, let title = o.title, !title.isEmpty { e.title = title }
        if let engineer = o.engineer, e.engineer == nil || (newer && o.event != "incident.escalated") {
            e.engineer = engineer
        }
        var acknowledgedAt = o.acknowledgedAt
        if o.status == .acknowledged, acknowledgedAt == nil { acknowledgedAt = o.observedAt }
        e.engineerAcknowledgedAt = earliest(e.engineerAcknowledgedAt, acknowledgedAt)
        e.escalatedAt = earliest(e.escalatedAt, o.escalatedAt)
        if let s = o.status, rank(s) > rank(e.state) { e.state = s }
        if e.state == .resolved, o.status == .resolved || o.resolvedAt != nil {
            e.resolvedAt = earliest(e.resolvedAt, o.resolvedAt ?? o.observedAt)
        }
        e.sourceUpdatedAt = max(e.sourceUpdatedAt ?? o.observedAt, o.observedAt)
        return e
    }

    // MARK: escalations

    static func mergeEscalation(_ base: Escalation?, _ item: Escalation) -> Escalation {
        guard let base else { return item }
        var e = base
        // The identity is recorded even from an older payload (an adopted record keeps its project).
        e.iid = item.iid ?? base.iid
        e.projectId = item.projectId ?? base.projectId
        if let old = base.sourceUpdatedAt, let new = item.sourceUpdatedAt, new < old {
            e.project = base.project ?? item.project
            return e
        }
        e.project = item.project ?? base.project
        e.title = item.title
        e.announcedAt = item.announcedAt
        e.ticket = item.ticket ?? base.ticket
        e.customer = item.customer ?? base.customer
        if item.urgency != .unknown { e.urgency = item.urgency }
        for label in item.labels where !e.labels.contains(label) { e.labels.append(label) }
        // The source closes an open escalation; a closed one stays closed (the manager's resolve or reject).
        if base.state.isOpen, !item.state.isOpen {
            e.state = item.state
            e.closedAt = item.closedAt
            e.rejectionReason = base.rejectionReason ?? item.rejectionReason
        }
        e.sourceUpdatedAt = item.sourceUpdatedAt ?? base.sourceUpdatedAt
        return e
    }
}

/// The records one merge touches: what the store had, and what they become, in first-seen order.
struct Tracker<Record: AuditFields> {
    private var order: [Int64] = []
    private var original: [Int64: Record] = [:]
    /// Every record this merge has loaded or made so far, as it stands now.
    var current: [Int64: Record] = [:]

    /// The record as it stands now in this merge (loading it on first use).
    mutating func base(_ id: Int64, load: (Int64) throws -> Record?) rethrows -> Record? {
        if let c = current[id] { return c }
        order.append(id)
        let r = try load(id)
        if let r {
            original[id] = r
            current[id] = r
        }
        return r
    }

    /// (before, after) for each record that differs from what the store had.
    func changed() -> [(Record?, Record)] {
        order.compactMap { id in
            guard let now = current[id] else { return nil }
            let before = original[id]
            if let before, before.sameForImport(as: now) { return nil }
            return (before, now)
        }
    }
}
