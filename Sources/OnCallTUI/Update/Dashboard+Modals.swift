import Foundation
import OnCallRules

extension Dashboard {
    /// Keys while a modal is open.
    static func handleModalKey(
        _ key: Key, _ modal: Modal, _ state: inout DashboardState, _ effects: inout [Effect], now: Date
    ) {
        switch modal {
        case .detail(let ref, let history, let scroll):
            switch key {
            case .escape, .enter, .char("q"): state.modals.removeLast()
            case .char("?"): state.modals.append(.help(scroll: 0))
            default:
                if let s = scrolled(scroll, key) {
                    let lines = detailLines(
                        ref, state, history: history, now: now, clock: Clock(state.options.timeZone),
                        width: state.width - 4
                    ).count
                    state.modals[state.modals.count - 1] = .detail(
                        ref: ref, history: history, scroll: clamp(s, lines, state))
                } else if let pane = pane(of: ref.kind), let binding = KeyRegistry.binding(for: key, in: pane),
                    binding.scope == .pane(pane)
                {
                    // The item's own actions work from its detail view.
                    let focus = state.focus
                    state.focus = pane
                    perform(binding, target: ref, &state, &effects, now: now)
                    state.focus = focus
                }
            }
        case .help(let scroll):
            switch key {
            case .escape, .enter, .char("?"), .char("q"): state.modals.removeLast()
            default:
                if let s = scrolled(scroll, key) {
                    state.modals[state.modals.count - 1] = .help(scroll: clamp(s, helpLines(state).count, state))
                }
            }
        case .alerts(let scroll):
            switch key {
            case .escape, .enter, .char("q"), .char("!"): state.modals.removeLast()
            default:
                if let s = scrolled(scroll, key) {
                    let lines = alertLines(state, width: state.width - 4).count
                    state.modals[state.modals.count - 1] = .alerts(scroll: clamp(s, lines, state))
                }
            }
        case .report(let text, let scroll):
            switch key {
            case .escape, .char("q"): state.modals.removeLast()
            case .char("s"):
                state.modals.append(
                    .prompt(
                        Prompt(
                            title: "Save the hand-off report to", hint: "A file path; Enter saves",
                            text: reportFileName(now: now, zone: state.options.timeZone),
                            requiredMessage: "a file name is required", flow: .saveReport(text: text))))
            default:
                if let s = scrolled(scroll, key) {
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                    state.modals[state.modals.count - 1] = .report(text: text, scroll: clamp(s, lines, state))
                }
            }
        case .prompt(var prompt):
            promptKey(key, &prompt, &state, &effects)
        case .picker(var picker):
            switch key {
            case .escape:
                state.modals.removeLast()
                state.status = StatusLine(.info, "cancelled")
            case .up, .char("k"): picker.selected = max(0, picker.selected - 1)
            case .down, .char("j"): picker.selected = min(picker.options.count - 1, picker.selected + 1)
            case .enter:
                state.modals.removeLast()
                chose(picker.selected, picker, &state, &effects)
                return
            case .char(let c) where c.isNumber:
                if let n = c.wholeNumberValue, n >= 1, n <= picker.options.count {
                    state.modals.removeLast()
                    chose(n - 1, picker, &state, &effects)
                    return
                }
            default: break
            }
            if case .picker = state.modal { state.modals[state.modals.count - 1] = .picker(picker) }
        case .confirm(let confirm):
            switch key {
            case .char("y"), .char("Y"), .enter:
                state.modals.removeLast()
                run(confirm.command, confirm.expecting, &state, &effects)
            case .char("n"), .char("N"), .escape, .char("q"):
                state.modals.removeLast()
                if let back = confirm.back {
                    // Back to the question before, with what was typed (Esc there drops it).
                    state.modals.append(.prompt(back))
                    state.status = StatusLine(.info, "not confirmed: your text is kept (Esc cancels)")
                } else {
                    state.status = StatusLine(.info, "cancelled")
                }
            default: break
            }
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

    /// Text editing and completion in a prompt; Enter moves the flow on.
    static func promptKey(_ key: Key, _ prompt: inout Prompt, _ state: inout DashboardState, _ effects: inout [Effect])
    {
        switch key {
        case .escape:
            state.modals.removeLast()
            state.status = StatusLine(.info, "cancelled")
            return
        case .enter:
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
            return
        case .tab, .backTab:
            prompt.prefilled = false
            let matches = prompt.matches
            if !matches.isEmpty {
                if prompt.completionStem == nil { prompt.completionStem = prompt.text }
                let step = key == .tab ? 1 : matches.count - 1
                let next =
                    prompt.completionIndex.map { ($0 + step) % matches.count } ?? (key == .tab ? 0 : matches.count - 1)
                prompt.completionIndex = next
                prompt.text = matches[next]
            }
        case .backspace, .delete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
            prompt.prefilled = false
            prompt.completionIndex = nil
            prompt.completionStem = nil
        case .ctrl("u"):
            prompt.prefilled = false
            prompt.text = ""
            prompt.completionIndex = nil
            prompt.completionStem = nil
        case .char(let c):
            // Only printable text goes in; control characters never reach a command.
            if c.unicodeScalars.allSatisfy({ DisplayWidth.of($0) >= 0 }) { prompt.insert(String(c)) }
        default:
            break
        }
        state.modals[state.modals.count - 1] = .prompt(prompt)
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

    static func askResolveComment(_ e: Expectation, labels: [String], _ state: inout DashboardState) {
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
