import Foundation
import OnCallRules

/// Everything the dashboard shows and remembers, as a value. `Dashboard.update` changes it; `Dashboard.view`
/// draws it.
public struct DashboardState: Sendable {
    public var config: OnCallConfig
    public var options: DashboardOptions
    /// The key bindings: the shipped ones with the configuration's `[keys]` applied.
    public var keys: KeyRegistry
    public var width: Int
    public var height: Int

    /// The data as of the last reload; deadlines in it are absolute.
    public private(set) var overview = Overview()
    /// False until the first load arrives.
    public private(set) var loaded = false
    /// Upgrade requests still open (not done), in the overview's order.
    public private(set) var openUpgrades: [UpgradeRequest] = []
    var index = RecordIndex()

    public var focus: Pane = .emergencies
    /// The selected record of each pane: followed by id across reloads and re-sorts.
    public var selection: [Pane: RecordRef] = [:]
    /// The rows each pane lists after its filter, rebuilt on reload or filter change, never per frame.
    public private(set) var rows: [Pane: [RecordRef]] = [:]
    var positions: [Pane: [RecordRef: Int]] = [:]
    /// Row index of the first upgrade request in the escalation pane (its section title goes above it).
    public private(set) var firstUpgradeRow: Int?
    /// First visible row of each pane.
    public var scroll: [Pane: Int] = [:]
    /// Panes scrolled to show something new (an emergency) that the selection no longer pins: drawn at `scroll`
    /// as it is until the manager moves the selection.
    public var scrollDetached: Set<Pane> = []
    public var filters: [Pane: String] = [:]
    /// Typing goes to the focused pane's filter.
    public var editingFilter = false
    /// Open modals, the active one last.
    public var modals: [Modal] = []
    public var status: StatusLine?
    /// The manager's own last undoable action on this screen (`u` takes it back).
    public var undo: Undo?
    /// The undo of the command sent but not yet reported done; it becomes `undo` once the command succeeds.
    var pendingUndo: Undo?

    /// Derived from the clock once per tick (not per frame): alerts, who is on call, upgrade flags.
    public private(set) var alerts: [Alert] = []
    /// Who is on call, until when, covered by whom, who is next.
    public private(set) var onCall: OnCallStatus?
    public private(set) var upgradeFlags: [Int64: [UpgradeFlag]] = [:]
    /// Names offered when a prompt asks for a person: configured engineers plus names seen in the records.
    public private(set) var people: [String] = []
    /// The same names, with who is a manager on the rota, for checking a typed name.
    public private(set) var directory = PeopleDirectory()
    /// The "you are not a manager on the rota" warning was shown (once per run).
    var warnedActor = false
    var knownEmergencies: Set<Int64> = []
    var missedPages: Set<Int64> = []
    var lastTitle = ""
    /// The clock of the last tick: the filter matches the risk words the panes show at that time.
    var clockNow: Date?

    public init(config: OnCallConfig, options: DashboardOptions, width: Int = 80, height: Int = 24) {
        self.config = config
        self.options = options
        // The loader has already refused a bad `[keys]`; a config built in code falls back to the shipped keys.
        keys = (try? KeyRegistry(remapping: config.dashboard.keys)) ?? .standard
        self.width = width
        self.height = height
    }

    /// The smallest size the dashboard draws at.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The active modal, if any.
    public var modal: Modal? { modals.last }

    public var selected: RecordRef? { selection[focus] }

    // MARK: - Data

    /// Takes a new overview: rebuilds indices, rows and names, keeps each pane's selection on its record.
    mutating func take(_ overview: Overview) {
        self.overview = overview
        loaded = true
        index = RecordIndex(overview)
        openUpgrades = overview.upgrades.filter { !$0.done }
        var names = Set(config.engineers)
        for e in overview.emergencies {
            if let n = e.engineer { names.insert(n) }
            if let n = e.lead { names.insert(n) }
            for h in e.handoffs {
                names.insert(h.to)
                if let f = h.from { names.insert(f) }
            }
        }
        for item in overview.escalations {
            if let n = item.escalation.owner { names.insert(n) }
            if let n = item.escalation.acknowledgedBy { names.insert(n) }
        }
        for u in overview.upgrades {
            if let n = u.engineer { names.insert(n) }
        }
        for r in overview.rota { names.insert(r.name) }
        names.formUnion(overview.frt.compactMap(\.ticket.assignee))
        // The people directory the live pull learnt.
        names.formUnion(overview.people)
        names.remove("")
        people = names.map { SafeText.clean($0) }.filter { !$0.isEmpty }.sorted {
            $0.localizedCaseInsensitiveCompare($1) == .orderedAscending
        }
        directory = PeopleDirectory(names: people, managers: Set(overview.rota.map { SafeText.clean($0.name) }))
        for pane in Pane.allCases { rebuildRows(pane) }
    }

    /// Recomputes what depends on the clock. Returns the emergencies newly arrived and newly missed.
    mutating func refreshClock(now: Date) -> (newEmergencies: Set<Int64>, newlyMissed: Set<Int64>) {
        alerts = overview.alerts(at: now, config: config, viewer: options.actor)
        clockNow = now
        onCall = overview.onCallStatus(at: now)
        var flags: [Int64: [UpgradeFlag]] = [:]
        for u in openUpgrades {
            let f = u.flags(at: now, config: config)
            if !f.isEmpty { flags[u.id] = f }
        }
        upgradeFlags = flags
        let ids = Set(overview.emergencies.map(\.id))
        let missed = Set(
            overview.emergencies.filter { MissedPage.of($0, at: now, timings: config.emergency) != .none }.map(\.id))
        let arrived = ids.subtracting(knownEmergencies)
        let newlyMissed = missed.subtracting(missedPages)
        knownEmergencies = ids
        let missedChanged = missed != missedPages
        missedPages = missed
        if missedChanged { rebuildRows(.emergencies) }
        return (arrived, newlyMissed)
    }

    /// Rebuilds one pane's rows from the overview and its filter, and re-finds the selection by id.
    mutating func rebuildRows(_ pane: Pane) {
        let oldPosition = selection[pane].flatMap { positions[pane]?[$0] } ?? 0
        let filter = (filters[pane] ?? "").lowercased()
        var list: [RecordRef] = []
        switch pane {
        case .emergencies:
            // Missed pages first, then pages nobody acknowledged, then by age, newest first: what needs the
            // manager now is at the top, where a small pane still shows it.
            let urgent = overview.emergencies.filter { matches(filter, $0) }.sorted { a, b in
                let ka = (missedPages.contains(a.id) ? 0 : 1, a.state == .triggered ? 0 : 1)
                let kb = (missedPages.contains(b.id) ? 0 : 1, b.state == .triggered ? 0 : 1)
                if ka != kb { return ka < kb }
                return a.pagedAt != b.pagedAt ? a.pagedAt > b.pagedAt : a.id < b.id
            }
            for e in urgent { list.append(RecordRef(.emergency, e.id)) }
        case .escalations:
            for item in overview.escalations where matches(filter, item.escalation) {
                list.append(RecordRef(.escalation, item.id))
            }
            let escalationCount = list.count
            for u in openUpgrades where matches(filter, u) { list.append(RecordRef(.upgrade, u.id)) }
            firstUpgradeRow = list.count > escalationCount ? escalationCount : nil
        case .frt:
            for item in overview.frt where matches(filter, item) { list.append(RecordRef(.ticket, item.id)) }
        }
        var position: [RecordRef: Int] = [:]
        position.reserveCapacity(list.count)
        for (i, ref) in list.enumerated() { position[ref] = i }
        rows[pane] = list
        positions[pane] = position
        // Follow the selected record by id; if it left, stay at the same place in the list.
        if let current = selection[pane], position[current] != nil { return }
        if list.isEmpty {
            selection[pane] = nil
        } else {
            selection[pane] = list[min(oldPosition, list.count - 1)]
        }
    }

    /// Position of the selection in its pane's rows.
    public func selectedPosition(_ pane: Pane) -> Int? {
        selection[pane].flatMap { positions[pane]?[$0] }
    }

    // MARK: - Record lookups

    public func emergency(_ id: Int64) -> Emergency? { index.emergencies[id].map { overview.emergencies[$0] } }
    public func escalation(_ id: Int64) -> EscalationItem? {
        index.escalations[id].map { overview.escalations[$0] }
    }
    public func upgrade(_ id: Int64) -> UpgradeRequest? { index.upgrades[id].map { overview.upgrades[$0] } }
    public func ticket(_ id: Int64) -> FRTItem? { index.tickets[id].map { overview.frt[$0] } }

    /// The revision of a record as loaded, for stale-action checks.
    public func revision(of ref: RecordRef) -> Int? {
        switch ref.kind {
        case .emergency: emergency(ref.id)?.revision
        case .escalation: escalation(ref.id)?.escalation.revision
        case .upgrade: upgrade(ref.id)?.revision
        case .ticket: ticket(ref.id)?.ticket.revision
        case .rota, .notice: nil
        }
    }

    // MARK: - Filtering

    // The filter finds what the row shows: its words (paged, acked, MISSED PAGE, COMPROMISED, BREACH, CRIT,
    // NEEDS ORG, flags), its names and "none" where a name is missing, as well as the stored values.

    private func matches(_ filter: String, _ e: Emergency) -> Bool {
        guard !filter.isEmpty else { return true }
        let missed = missedPages.contains(e.id) ? "missed page" : nil
        return hit(
            filter,
            [
                String(e.id), e.ticket.map { "#\($0)" }, e.title, e.customer, e.engineer ?? "none", e.lead ?? "none",
                e.state.rawValue, e.state == .triggered ? "paged" : "acked", missed, e.compromised ? "compromised" : nil,
            ])
    }

    private func matches(_ filter: String, _ e: Escalation) -> Bool {
        guard !filter.isEmpty else { return true }
        return hit(
            filter,
            [
                "#\(e.id)", e.ticket.map(String.init), e.title, e.customer, e.owner, e.urgency.rawValue,
                e.state.rawValue, e.state == .acknowledged ? "acked" : nil, e.state == .new ? nil : "responded",
            ])
    }

    private func matches(_ filter: String, _ u: UpgradeRequest) -> Bool {
        guard !filter.isEmpty else { return true }
        let flags = (upgradeFlags[u.id] ?? []).map(\.rawValue)
        return hit(filter, ["upgrade", "#\(u.id)", u.customer, u.engineer ?? "unassigned", u.done ? "done" : "open"] + flags)
    }

    private func matches(_ filter: String, _ item: FRTItem) -> Bool {
        guard !filter.isEmpty else { return true }
        let t = item.ticket
        return hit(
            filter,
            [
                "#\(t.id)", t.subject, t.organization ?? "needs org", t.plan.rawValue, t.priority?.rawValue,
                t.region?.rawValue, t.assignee, item.policy, clockNow.map { Self.riskWord(item.risk(at: $0, thresholds: config.risk)) },
            ])
    }

    /// The word the FRT pane shows for a risk.
    static func riskWord(_ risk: Risk) -> String {
        switch risk {
        case .breached: "breach breached"
        case .critical: "crit critical"
        case .warning: "warn warning"
        case .ok: "ok"
        case .paused: "paused"
        }
    }

    private func hit(_ filter: String, _ fields: [String?]) -> Bool {
        fields.contains { $0?.lowercased().contains(filter) ?? false }
    }
}
