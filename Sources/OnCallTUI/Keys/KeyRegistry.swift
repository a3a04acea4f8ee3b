import OnCallRules

/// The one table of key bindings: it drives dispatch, the footer and the `?` help, for the panes and for
/// every dialog. Built from the defaults with the `[keys]` remapping of the configuration applied.
public struct KeyRegistry: Sendable {
    public private(set) var bindings: [KeyBinding]

    /// The shipped keys.
    public static let standard = KeyRegistry(bindings: makeBindings([:]))

    init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The shipped keys with `remapping` (`[keys]`: action name -> key names) applied; throws naming the
    /// config key on an unknown action, an unknown key name, or two actions on one key in one place.
    public init(remapping: [String: [String]]) throws(KeyConfigError) {
        var keys: [Action: [Key]] = [:]
        for name in remapping.keys.sorted() {
            guard let action = Action(configName: name) else {
                let names = Action.remappable.compactMap(\.configName).joined(separator: ", ")
                throw KeyConfigError(keyPath: "keys.\(name)", message: "unknown action (expected one of: \(names))")
            }
            let names = remapping[name] ?? []
            guard !names.isEmpty else {
                throw KeyConfigError(keyPath: "keys.\(name)", message: "expected a key or a list of keys, got []")
            }
            var parsed: [Key] = []
            for (index, keyName) in names.enumerated() {
                let path = names.count == 1 ? "keys.\(name)" : "keys.\(name)[\(index)]"
                do {
                    let key = try Key.parse(configName: keyName)
                    if !parsed.contains(key) { parsed.append(key) }
                } catch {
                    throw KeyConfigError(keyPath: path, message: error.message)
                }
            }
            keys[action] = parsed
        }
        let registry = KeyRegistry(bindings: Self.makeBindings(keys))
        if let conflict = registry.conflicts().first(where: { keys[$0.second] != nil || keys[$0.first] != nil }) {
            let blamed = keys[conflict.second] != nil ? conflict.second : conflict.first
            let other = blamed == conflict.second ? conflict.first : conflict.second
            let what =
                other.configName.map { "is also keys.\($0)" }
                ?? "already means \"\(registry.bindings.first { $0.action == other && $0.keys.contains(conflict.key) }?.help ?? other.rawValue)\" (a fixed key)"
            throw KeyConfigError(
                keyPath: "keys.\(blamed.configName!)", message: "\"\(conflict.key.configName)\" \(what) in \(conflict.place)")
        }
        self = registry
    }

    /// `remapping` with canonical key names, without the actions left at their shipped keys; throws like `init`.
    public static func normalized(_ remapping: [String: [String]]) throws(KeyConfigError) -> [String: [String]] {
        let registry = try KeyRegistry(remapping: remapping)
        var out: [String: [String]] = [:]
        for action in Action.remappable {
            guard let name = action.configName, remapping[name] != nil else { continue }
            let keys = registry.keys(of: action)
            if keys != standard.keys(of: action) { out[name] = keys.map(\.configName) }
        }
        return out
    }

    /// Each remappable action with the keys it has in this registry, for `oncall config`.
    public var remappableKeys: [(name: String, keys: [String])] {
        Action.remappable.map { ($0.configName!, keys(of: $0).map(\.configName)) }
    }

    /// The keys of an action (its first binding's).
    public func keys(of action: Action) -> [Key] { binding(of: action)?.keys ?? [] }

    /// The binding a key triggers in a pane: the pane's own bindings win over global ones.
    public func binding(for key: Key, in pane: Pane) -> KeyBinding? {
        bindings.first { $0.scope == .pane(pane) && $0.keys.contains(key) }
            ?? bindings.first { $0.scope == .global && $0.keys.contains(key) }
    }

    /// The binding a key triggers in a dialog: its explicit keys first, then text input.
    public func binding(for key: Key, in dialog: DialogKind) -> KeyBinding? {
        let own = bindings.filter { $0.scope == .dialog(dialog) }
        return own.first { $0.keys.contains(key) } ?? own.first { $0.accepts(key) }
    }

    /// The binding of an action (the first, when it is in several places).
    public func binding(of action: Action) -> KeyBinding? { bindings.first { $0.action == action } }

    /// Every binding of one scope, in order.
    public func bindings(in scope: KeyScope) -> [KeyBinding] { bindings.filter { $0.scope == scope } }

    /// The footer's bindings for a pane: its own actions first, then the global ones.
    public func footer(for pane: Pane) -> [KeyBinding] {
        bindings.filter { $0.inFooter && $0.scope == .pane(pane) }
            + bindings.filter { $0.inFooter && $0.scope == .global }
    }

    /// The footer's bindings for a dialog.
    public func footer(for dialog: DialogKind) -> [KeyBinding] {
        bindings.filter { $0.inFooter && $0.scope == .dialog(dialog) }
    }

    /// One key doing two things in one place.
    public struct Conflict: Sendable, Equatable {
        public var key: Key
        public var first: Action
        public var second: Action
        /// "the Escalation queue", "the detail view".
        public var place: String
    }

    /// Keys bound to two actions where both could act: a pane with the global keys, each dialog with the keys
    /// that act in it (redraw everywhere; in the detail view the keys of every pane). Empty for the standard keys.
    public func conflicts() -> [Conflict] {
        var places: [(String, [KeyBinding])] = []
        let global = bindings(in: .global)
        let redraw = global.filter { $0.action == .redraw }
        for pane in Pane.allCases {
            places.append(("the \(pane.title) pane", bindings(in: .pane(pane)) + global))
        }
        for dialog in DialogKind.allCases {
            places.append((dialog.title, bindings(in: .dialog(dialog)) + redraw))
        }
        for pane in Pane.allCases {
            places.append(
                ("\(DialogKind.detail.title) of the \(pane.title) pane",
                    bindings(in: .dialog(.detail)) + bindings(in: .pane(pane))))
        }
        var out: [Conflict] = []
        for (place, list) in places {
            var seen: [Key: Action] = [:]
            for binding in list {
                for key in binding.keys {
                    if let other = seen[key], other != binding.action {
                        out.append(Conflict(key: key, first: other, second: binding.action, place: place))
                    } else {
                        seen[key] = binding.action
                    }
                }
            }
        }
        return out
    }
}

/// A `[keys]` entry that cannot be used: the config key path and what is wrong.
public struct KeyConfigError: Error, Equatable, Sendable {
    public var keyPath: String
    public var message: String
}
