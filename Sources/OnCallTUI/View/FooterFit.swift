import OnCallRules

/// The main footer for one width: help and quit pinned at the right, the pane's keys on the left in full, then
/// with short labels, then the least needed ones left out, when `?` says "more" (the help lists every key).
struct FooterFit {
    var left: [Span] = []
    var right: [Span] = []
    var rightWidth: Int { right.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// Shorter labels for the narrow footer; the help keeps the long ones.
    static let short: [String: String] = [
        "engineer": "eng", "handoff": "hand", "checklist": "check", "trigger": "trig", "alerts": "alert",
    ]

    /// Which global keys go first when the footer is short of room (higher = left out earlier); the pane's own
    /// actions are kept longest.
    static func rank(_ action: Action) -> Int {
        switch action {
        case .undo: 1
        case .open: 2
        case .filter: 3
        case .alerts: 4
        case .report: 5
        default: 0
        }
    }

    init(_ bindings: [KeyBinding], width: Int, disabled: (KeyBinding) -> Bool) {
        let pinned: [Action] = [.help, .quit]
        let help = bindings.first { $0.action == .help }
        let quit = bindings.first { $0.action == .quit }
        var rest = bindings.filter { !pinned.contains($0.action) }
        func spans(_ list: [KeyBinding], short: Bool) -> [Span] {
            var out = list.flatMap { b -> [Span] in
                let off = disabled(b)
                let label = short ? Self.short[b.label] ?? b.label : b.label
                return [
                    Span(b.footerKeyText, CellStyle(role: off ? .dim : .key, bold: !off)),
                    Span(" " + label + "  ", CellStyle(role: off ? .dim : .status)),
                ]
            }
            // No separator after the last key: it would count against the room and cut the label.
            if let last = out.indices.last { out[last].text = String(out[last].text.dropLast(2)) }
            return out
        }
        func pinnedSpans(more: Bool) -> [Span] {
            var out: [Span] = []
            if let help {
                out.append(Span(help.footerKeyText, CellStyle(role: .key, bold: true)))
                out.append(Span(more ? " more  " : " help  ", CellStyle(role: .status)))
            }
            if let quit {
                out.append(Span(quit.footerKeyText, CellStyle(role: .key, bold: true)))
                out.append(Span(" " + quit.label, CellStyle(role: .status)))
            }
            return out
        }
        func used(_ s: [Span]) -> Int { s.reduce(0) { $0 + DisplayWidth.of($1.text) } }
        // Two columns between the pane's keys and the pinned ones.
        func fits(_ l: [Span], _ r: [Span]) -> Bool { used(l) + 2 + used(r) <= width }
        right = pinnedSpans(more: false)
        for short in [false, true] {
            let l = spans(rest, short: short)
            if fits(l, right) {
                left = l
                return
            }
        }
        right = pinnedSpans(more: true)
        // Leave out the least needed global keys first, then the pane's actions from the end.
        while !rest.isEmpty {
            let worst = rest.indices.max { (Self.rank(rest[$0].action), $0) < (Self.rank(rest[$1].action), $1) }!
            rest.remove(at: worst)
            let l = spans(rest, short: true)
            if fits(l, right) {
                left = l
                return
            }
        }
    }
}
