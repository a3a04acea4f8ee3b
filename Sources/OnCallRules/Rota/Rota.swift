import Foundation

/// Shifts and covers seen as one timeline: who is on call when, and who follows.
/// A cover wins over the shift it overlaps; among overlapping entries of one kind the latest to start wins.
public struct Rota: Sendable, Equatable {
    public var entries: [RotaEntry]

    public init(_ entries: [RotaEntry]) {
        self.entries = entries
    }

    /// The entry in force at `date`: an active cover if any, else the active shift.
    public func onCall(at date: Date) -> RotaEntry? {
        let active = entries.filter { $0.start <= date && date < $0.end }
        let covers = active.filter { $0.kind == .cover }
        if let cover = latest(covers) { return cover }
        return latest(active.filter { $0.kind == .shift })
    }

    /// The shift a cover (or shift) in force at `date` stands in for: the named person's shift if it is
    /// active, else whichever shift is active.
    public func shift(at date: Date, covering name: String? = nil) -> RotaEntry? {
        let shifts = entries.filter { $0.kind == .shift && $0.start <= date && date < $0.end }
        if let name, let named = latest(shifts.filter { $0.name == name }) { return named }
        return latest(shifts)
    }

    /// When the current person's on-call stint ends: the first moment after `date` when someone else (or
    /// nobody) is on call. nil when nobody is on call at `date`.
    public func stintEnd(after date: Date) -> Date? {
        guard let current = onCall(at: date) else { return nil }
        for point in breakpoints(after: date) where onCall(at: point)?.name != current.name {
            return point
        }
        return nil
    }

    /// When the current person's on-call stint began (contiguous entries of the same person merged): the
    /// default start of a shift hand-off report. nil when nobody is on call at `date`.
    public func stintStart(at date: Date) -> Date? {
        guard let current = onCall(at: date)?.name else { return nil }
        let points = Set(entries.flatMap { [$0.start, $0.end] }.filter { $0 <= date }).sorted(by: >)
        var start: Date?
        for point in points {
            guard onCall(at: point)?.name == current else { break }
            start = point
            if onCall(at: point.addingTimeInterval(-1))?.name != current { break }
        }
        return start
    }

    /// The manager on call right after the current stint ends, never the current person when someone else
    /// follows; when nobody is on call at `date`, the next one to come on.
    public func nextManager(after date: Date) -> RotaEntry? {
        let current = onCall(at: date)?.name
        for point in breakpoints(after: date) {
            if let entry = onCall(at: point), entry.name != current { return entry }
        }
        return nil
    }

    /// What the dashboard header shows at `date`.
    public func status(at date: Date) -> OnCallStatus? {
        guard let entry = onCall(at: date) else { return nil }
        let cover = entry.kind == .cover ? entry : nil
        let shift = shift(at: date, covering: cover?.covering)
        return OnCallStatus(
            name: entry.name, region: entry.region ?? shift?.region, shift: shift, cover: cover,
            since: stintStart(at: date), until: stintEnd(after: date), next: nextManager(after: date))
    }

    private func breakpoints(after date: Date) -> [Date] {
        Set(entries.flatMap { [$0.start, $0.end] }.filter { $0 > date }).sorted()
    }

    private func latest(_ list: [RotaEntry]) -> RotaEntry? {
        list.max { a, b in (a.start, a.end, a.id) < (b.start, b.end, b.id) }
    }
}

/// Who is on call now, as the dashboard header shows it: name, region, shift end, cover, who is next.
public struct OnCallStatus: Sendable, Equatable {
    /// The manager on call (the coverer while covered).
    public var name: String
    public var region: Region?
    /// The regular shift in force (the covered one while covered), nil when only a cover is on the rota.
    public var shift: RotaEntry?
    /// The cover in force, if any: "covered by NAME until HH:MM".
    public var cover: RotaEntry?
    /// When this manager's stint began (the default `--since` of the hand-off report).
    public var since: Date?
    /// When this manager's stint ends (the header countdown).
    public var until: Date?
    /// Who comes on next.
    public var next: RotaEntry?

    public init(
        name: String, region: Region?, shift: RotaEntry?, cover: RotaEntry?, since: Date? = nil, until: Date?,
        next: RotaEntry?
    ) {
        self.name = name
        self.region = region
        self.shift = shift
        self.cover = cover
        self.since = since
        self.until = until
        self.next = next
    }

    /// The shift's own end, for the header countdown.
    public var shiftEnd: Date? { shift?.end ?? cover?.end }
    /// Whose shift is covered ("covering NAME"), when covered.
    public var covering: String? { cover.map { $0.covering ?? shift?.name ?? "" }.flatMap { $0.isEmpty ? nil : $0 } }
}
