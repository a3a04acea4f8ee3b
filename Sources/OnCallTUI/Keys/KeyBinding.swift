import Foundation
import OnCallRules

/// One row of the key registry (lazygit's `Binding`): the keys, what they do, how the footer and help
/// describe them, and why they cannot act right now. Dispatch, footer and `?` all read the same row, so what
/// is shown cannot drift from what is accepted.
public struct KeyBinding: Sendable {
    /// What a handler gets: the key pressed, the record it acts on (the selection, or the record of the
    /// detail view) and the clock.
    public struct Press: Sendable {
        public var key: Key
        public var target: RecordRef?
        public var now: Date
    }

    public typealias Handler = @Sendable (Press, inout DashboardState, inout [Effect]) -> Void
    public typealias Reason = @Sendable (RecordRef?, DashboardState) -> String?

    public var action: Action
    public var keys: [Key]
    /// Short footer label ("ack").
    public var label: String
    /// One line for the `?` help.
    public var help: String
    public var scope: KeyScope
    /// Changes data: disabled under `--readonly` and when the terminal is too small.
    public var changesData: Bool
    /// Which kinds of row it acts on (empty = no row needed).
    public var acts: [RecordKind]
    public var inFooter: Bool
    /// How many of `keys` the footer shows (the help shows them all); nil = all.
    public var footerKeyCount: Int?
    /// Also takes any printable character not bound otherwise (text typed into a prompt).
    public var takesText: Bool
    /// A reason of its own to refuse, on top of the common ones (read-only, nothing selected, wrong kind).
    var extraReason: Reason?
    var handler: Handler

    public init(
        _ action: Action, _ keys: [Key], _ label: String, _ help: String, scope: KeyScope = .global,
        changesData: Bool = false, acts: [RecordKind] = [], inFooter: Bool = true, footerKeyCount: Int? = nil,
        takesText: Bool = false, disabledWhen extraReason: Reason? = nil, handler: @escaping Handler
    ) {
        self.action = action
        self.keys = keys
        self.label = label
        self.help = help
        self.scope = scope
        self.changesData = changesData
        self.acts = acts
        self.inFooter = inFooter
        self.footerKeyCount = footerKeyCount
        self.takesText = takesText
        self.extraReason = extraReason
        self.handler = handler
    }

    /// How the keys are written in the help ("j/↓"); an upper-case letter beside its lower case is left out.
    public var keyText: String { Self.text(of: keys) }

    /// The keys as the footer writes them (the first `footerKeyCount`).
    public var footerKeyText: String { Self.text(of: footerKeyCount.map { Array(keys.prefix($0)) } ?? keys) }

    static func text(of keys: [Key]) -> String {
        let shown = keys.filter { key in
            if case .char(let c) = key, c.isUppercase, keys.contains(.char(Character(c.lowercased()))) { return false }
            return true
        }
        return shown.map(\.label).joined(separator: "/")
    }

    /// Whether this binding takes `key`.
    public func accepts(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        if takesText, case .char = key { return true }
        return false
    }

    /// Why it cannot run now on `target`, or nil when it can (`GetDisabledReason`). The footer dims a
    /// disabled binding and the help says why; pressing it puts the reason on the status line.
    public func disabledReason(_ target: RecordRef?, _ state: DashboardState) -> String? {
        if state.isTooSmall, action != .quit, action != .redraw {
            return "terminal too small: need \(DashboardState.minimumWidth)x\(DashboardState.minimumHeight)"
        }
        if changesData, state.options.readonly {
            return "read-only: \(keyText) (\(label)) is disabled (--readonly)"
        }
        if !acts.isEmpty {
            guard let target else {
                return "\(keyText) (\(label)): nothing selected in \(state.focus.title)"
            }
            if !acts.contains(target.kind) {
                let kinds = acts.map { Dashboard.noun($0) }.joined(separator: " or ")
                return "\(keyText) (\(label)) applies to \(kinds), not to \(Dashboard.noun(target.kind)) \(target.id)"
            }
            if state.revision(of: target) == nil { return "\(Dashboard.noun(target.kind)) \(target.id) is no longer listed" }
        }
        return extraReason?(target, state)
    }

    /// Runs the binding on `target`, or puts the reason it cannot on the status line.
    func run(_ key: Key, target: RecordRef?, _ state: inout DashboardState, _ effects: inout [Effect], now: Date) {
        if let why = disabledReason(target, state) {
            state.status = StatusLine(.refused, why)
            return
        }
        handler(Press(key: key, target: target, now: now), &state, &effects)
    }
}
