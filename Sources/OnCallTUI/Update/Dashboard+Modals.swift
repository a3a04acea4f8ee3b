import Foundation
import OnCallRules

extension Dashboard {
    /// Keys while a dialog is open: its registered bindings, then redraw; in the detail view the keys of the
    /// record's pane act on the record shown.
    static func handleModalKey(
        _ key: Key, _ modal: Modal, _ state: inout DashboardState, _ effects: inout [Effect], now: Date
    ) {
        let keys = state.keys
        if let binding = keys.binding(for: key, in: modal.kind) {
            binding.run(key, target: nil, &state, &effects, now: now)
            return
        }
        if let redraw = keys.binding(of: .redraw), redraw.keys.contains(key) {
            redraw.run(key, target: nil, &state, &effects, now: now)
            return
        }
        if case .detail(let ref, _, _) = modal, let pane = pane(of: ref.kind),
            let binding = keys.binding(for: key, in: pane), binding.scope == .pane(pane)
        {
            // The item's own actions work from its detail view.
            let focus = state.focus
            state.focus = pane
            binding.run(key, target: ref, &state, &effects, now: now)
            state.focus = focus
        }
    }

    /// Scrolls the active detail, help, alerts or report view by a scrolling key, clamped to its lines.
    static func scrollModal(_ key: Key, _ state: inout DashboardState, now: Date) {
        guard let modal = state.modal else { return }
        switch modal {
        case .detail(let ref, let history, let scroll):
            guard let s = scrolled(scroll, key) else { return }
            let lines = detailLines(
                ref, state, history: history, now: now, clock: Clock(state.options.timeZone), width: state.width - 4
            ).count
            state.modals[state.modals.count - 1] = .detail(ref: ref, history: history, scroll: clamp(s, lines, state))
        case .help(let scroll):
            guard let s = scrolled(scroll, key) else { return }
            state.modals[state.modals.count - 1] = .help(scroll: clamp(s, helpLines(state).count, state))
        case .alerts(let scroll):
            guard let s = scrolled(scroll, key) else { return }
            let lines = alertLines(state, width: state.width - 4).count
            state.modals[state.modals.count - 1] = .alerts(scroll: clamp(s, lines, state))
        case .report(let text, let scroll):
            guard let s = scrolled(scroll, key) else { return }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            state.modals[state.modals.count - 1] = .report(text: text, scroll: clamp(s, lines, state))
        default:
            break
        }
    }

    /// Closes the active dialog without doing anything.
    static func cancelModal(_ state: inout DashboardState) {
        state.modals.removeLast()
        state.status = StatusLine(.info, "cancelled")
    }

    /// `n`/Esc in a confirmation: back to the question before with what was typed, or cancelled.
    static func declineConfirm(_ state: inout DashboardState) {
        guard case .confirm(let confirm) = state.modal else { return }
        state.modals.removeLast()
        if let back = confirm.back {
            // Back to the question before, with what was typed (Esc there drops it).
            state.modals.append(.prompt(back))
            state.status = StatusLine(.info, "not confirmed: your text is kept (Esc cancels)")
        } else {
            state.status = StatusLine(.info, "cancelled")
        }
    }

    /// Keeps a big modal's scroll within its lines (the box shows the screen height minus header, footer, border).
    static func clamp(_ scroll: Int, _ lines: Int, _ state: DashboardState) -> Int {
        let visible = max(1, state.height - Layout.headerLines - 1 - 2)
        return max(0, min(scroll, lines - visible))
    }

    /// The pane that lists a kind of record.
    static func pane(of kind: RecordKind) -> Pane? {
        switch kind {
        case .emergency: .emergencies
        case .escalation, .upgrade: .escalations
        case .ticket: .frt
        case .rota, .notice: nil
        }
    }

    /// A new scroll offset for a scrolling key, or nil for other keys.
    static func scrolled(_ scroll: Int, _ key: Key) -> Int? {
        switch key {
        case .up, .char("k"): max(0, scroll - 1)
        case .down, .char("j"): scroll + 1
        case .pageUp: max(0, scroll - 10)
        case .pageDown, .char(" "): scroll + 10
        case .home, .char("g"): 0
        case .end, .char("G"): Int.max / 4
        default: nil
        }
    }

    /// `oncall-handoff-20261127-1402.md` in the dashboard's zone.
    static func reportFileName(now: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        return String(
            format: "oncall-handoff-%04d%02d%02d-%02d%02d.md", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0)
    }

    /// Changes the active prompt.
    static func editPrompt(_ state: inout DashboardState, _ change: (inout Prompt) -> Void) {
        guard case .prompt(var prompt) = state.modal else { return }
        change(&prompt)
        state.modals[state.modals.count - 1] = .prompt(prompt)
    }

    /// Enter in a prompt: refuses an empty required answer, asks about a name nobody has, else closes it and
    /// moves the flow on.
    static func submitPrompt(_ state: inout DashboardState, _ effects: inout [Effect]) {
        guard case .prompt(let prompt) = state.modal else { return }
        let answer = prompt.text.trimmingCharacters(in: .whitespaces)
        if answer.isEmpty, let required = prompt.requiredMessage {
            state.status = StatusLine(.refused, required)
            return
        }
        state.modals.removeLast()
        var typed = prompt
        typed.text = answer
        typed.prefilled = false
        if prompt.asksForPerson, !state.directory.names.isEmpty, !state.directory.knows(answer) {
            askUnknownName(answer, prompt, &state)
            return
        }
        submitted(answer, prompt.flow, &state, &effects, from: typed)
    }

    /// Tab (or Shift-Tab backwards) cycles through the names that match what was typed.
    static func complete(_ prompt: inout Prompt, backwards: Bool) {
        prompt.prefilled = false
        let matches = prompt.matches
        guard !matches.isEmpty else { return }
        if prompt.completionStem == nil { prompt.completionStem = prompt.text }
        let step = backwards ? matches.count - 1 : 1
        let next =
            prompt.completionIndex.map { ($0 + step) % matches.count } ?? (backwards ? matches.count - 1 : 0)
        prompt.completionIndex = next
        prompt.text = matches[next]
    }

    /// The next step once a prompt is answered.
    /// `from` is the prompt answered, with its text: a confirmation it leads to goes back to it when cancelled.
    static func submitted(
        _ answer: String, _ flow: Flow, _ state: inout DashboardState, _ effects: inout [Effect], from: Prompt? = nil
    ) {
        switch flow {
        case .assignOwner(let e):
            run(.assignEscalation(id: e.ref.id, owner: answer), e, &state, &effects)
        case .staffEmergency(let e):
            run(.staffEmergency(id: e.ref.id, engineer: answer), e, &state, &effects)
        case .assignUpgrade(let e):
            run(.assignUpgrade(id: e.ref.id, engineer: answer), e, &state, &effects)
        case .resolveTypedLabel(let e):
            let labels = answer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            askResolveComment(e, labels: labels, &state)
        case .resolveComment(let e, let labels):
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Resolve escalation \(e.ref.id)?",
                        lines: named(e.ref, state) + [
                            "Labels:   \(labels.isEmpty ? "(none)" : labels.joined(separator: ", "))",
                            "Comment:  \(answer.isEmpty ? "(none)" : answer)",
                        ],
                        command: .resolveEscalation(
                            id: e.ref.id, labels: labels, comment: answer.isEmpty ? nil : answer),
                        expecting: e, back: from)))
        case .rejectReason(let e):
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Reject escalation \(e.ref.id)?", lines: named(e.ref, state) + ["Reason:   \(answer)"],
                        command: .rejectEscalation(id: e.ref.id, reason: answer), expecting: e, back: from)))
        case .handOffTarget(let e):
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Hand-off note for \(answer)", hint: "What was done, what is next (required)",
                        requiredMessage: "a hand-off needs a note", flow: .handOffNote(e, to: answer))))
        case .handOffNote(let e, let to):
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Hand off emergency \(e.ref.id) to \(to)?",
                        lines: named(e.ref, state) + ["Note:     \(answer)"],
                        command: .handOffEmergency(id: e.ref.id, to: to, note: answer), expecting: e,
                        back: from)))
        case .saveReport(let text):
            effects.append(.saveReport(text: text, path: answer))
        case .resolveLabel, .checklist, .replaceReport, .unknownName:
            break
        }
    }

    /// A name nobody in the people directory has: use it anyway, take the closest match, or edit it.
    static func askUnknownName(_ answer: String, _ prompt: Prompt, _ state: inout DashboardState) {
        let closest = state.directory.closest(to: answer)
        state.modals.append(
            .picker(
                Picker(
                    title: "\"\(answer)\" is not on the rota or team: use anyway?",
                    options: unknownNameOptions(answer, closest), selected: closest == nil ? 0 : 1,
                    flow: .unknownName(answer: answer, closest: closest, prompt: prompt))))
    }

    static func unknownNameOptions(_ answer: String, _ closest: String?) -> [String] {
        ["Use \"\(answer)\" anyway"] + (closest.map { ["Use \($0) (the closest match)"] } ?? []) + ["Edit the name"]
    }

    static func askResolveComment(_ e: ExpectedRevision, labels: [String], _ state: inout DashboardState) {
        let shown = labels.isEmpty ? "no label" : labels.joined(separator: ", ")
        state.modals.append(
            .prompt(
                Prompt(
                    title: "Resolve escalation \(e.ref.id) (\(shown)): comment", hint: "Optional; Enter skips",
                    flow: .resolveComment(e, labels: labels))))
    }

    /// The next step once a picker option is chosen.
    static func chose(_ index: Int, _ picker: Picker, _ state: inout DashboardState, _ effects: inout [Effect]) {
        switch picker.flow {
        case .resolveLabel(let e):
            guard index < labelOptions.count else { return }
            if let labels = labelOptions[index].1 {
                askResolveComment(e, labels: labels, &state)
            } else {
                state.modals.append(
                    .prompt(
                        Prompt(
                            title: "Resolve escalation \(e.ref.id): labels",
                            hint: "One or more, comma-separated (Escalation::Other, Escalation::Docs)",
                            requiredMessage: "type a label, or Esc and choose No label", flow: .resolveTypedLabel(e))))
            }
        case .unknownName(let answer, let closest, let prompt):
            let options = unknownNameOptions(answer, closest)
            guard index < options.count else { return }
            if index == 0 {
                submitted(answer, prompt.flow, &state, &effects)
            } else if let closest, index == 1 {
                submitted(closest, prompt.flow, &state, &effects)
            } else {
                var again = prompt
                again.text = answer
                again.prefilled = false
                state.modals.append(.prompt(again))
            }
        case .replaceReport(let text, let path):
            if index == 1 {
                effects.append(.saveReport(text: text, path: path, replacing: true))
            } else {
                state.modals.append(
                    .prompt(
                        Prompt(
                            title: "Save the hand-off report to", hint: "A file path; Enter saves", text: path,
                            requiredMessage: "a file name is required", flow: .saveReport(text: text))))
            }
        case .checklist(let e):
            guard index < CompromisedChecklist.items.count else { return }
            let item = CompromisedChecklist.items[index]
            let done = state.emergency(e.ref.id)?.checklistDone.contains(item.id) ?? false
            run(.tickChecklist(id: e.ref.id, item: item.id, done: !done), e, &state, &effects)
        default:
            break
        }
    }
}

extension Prompt {
    /// Replaces the text typed (no longer the prefilled default); a completion cycle starts again from it.
    mutating func set(_ text: String) {
        self.text = text
        prefilled = false
        completionIndex = nil
        completionStem = nil
    }
}
