import Foundation
import OnCallRules

extension Dashboard {
    /// The labels offered when resolving an escalation; the last option asks for a typed one.
    public static let resolutionLabels = ["Escalation::License-Issue", "Escalation::Response-Time"]
    /// The picker's choices, in order: a label is optional (the handbook says "consider applying"), and several
    /// can be applied.
    static let labelOptions: [(String, [String]?)] = [
        ("No label", []), (resolutionLabels[0], [resolutionLabels[0]]), (resolutionLabels[1], [resolutionLabels[1]]),
        ("Both: License-Issue and Response-Time", resolutionLabels), ("Type labels (comma-separated)…", nil),
    ]

    /// "Customer: Acme" and "Title: ..." for a confirmation, so it names what it acts on.
    static func named(_ ref: RecordRef, _ state: DashboardState) -> [String] {
        switch ref.kind {
        case .escalation:
            guard let e = state.escalation(ref.id)?.escalation else { return [] }
            return ["Customer: \(e.customer ?? "—")", "Title:    \(e.title)"]
        case .emergency:
            guard let e = state.emergency(ref.id) else { return [] }
            return ["Customer: \(e.customer ?? "—")", "Title:    \(e.title)"]
        case .upgrade:
            guard let u = state.upgrade(ref.id) else { return [] }
            return ["Customer: \(u.customer)"]
        case .ticket, .rota, .notice:
            return []
        }
    }

    /// Starts an action on a record: runs it at once, or opens the prompt, picker or confirmation it needs.
    static func startAction(
        _ action: Action, _ expect: ExpectedRevision, _ state: inout DashboardState, _ effects: inout [Effect], now: Date
    ) {
        let id = expect.ref.id
        switch action {
        case .acknowledge:
            run(.acknowledgeEscalation(id: id), expect, &state, &effects)
        case .assignOwner where expect.ref.kind == .upgrade:
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Engineer for upgrade request \(id)", hint: "Tab completes a known engineer",
                        text: state.upgrade(id)?.engineer ?? "", requiredMessage: "an engineer is required",
                        candidates: state.people, asksForPerson: true, flow: .assignUpgrade(expect))))
        case .assignOwner:
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Owner of escalation \(id)", hint: "Tab completes a known engineer",
                        requiredMessage: "an owner is required", candidates: state.people, asksForPerson: true,
                        flow: .assignOwner(expect))))
        case .resolveEscalation:
            // Refused before the first question, with the rules' words, rather than after three steps.
            if state.escalation(id)?.escalation.state == .new {
                state.status = StatusLine(
                    .refused, "escalation \(id) is new; acknowledge or assign it before resolving it")
                return
            }
            state.modals.append(
                .picker(
                    Picker(
                        title: "Resolve escalation \(id): consider applying a label",
                        options: labelOptions.map(\.0), flow: .resolveLabel(expect))))
        case .rejectEscalation:
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Reject escalation \(id): reason", hint: "Why it does not qualify (required)",
                        requiredMessage: "a rejection needs a reason", flow: .rejectReason(expect))))
        case .triggerEmergency:
            let ticket = state.escalation(id)?.escalation.ticket
            let pd = state.config.pagerduty
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Trigger a customer emergency for escalation \(id)?",
                        lines: named(expect.ref, state) + [
                            "PagerDuty incident:",
                            "  Impacted Service: \(pd.impactedService)",
                            "  Assign to:        \(pd.assignTo)",
                            "  Title:            \(ticket.map(String.init) ?? "(no Zendesk ticket number)")",
                        ],
                        command: .triggerEmergency(escalationId: id), expecting: expect)))
        case .completeUpgrade:
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Mark upgrade request \(id) done?", lines: named(expect.ref, state),
                        command: .completeUpgrade(id: id), expecting: expect)))
        case .takeLead:
            // Taking over someone else's lead replaces them: say who, and ask first.
            if let emergency = state.emergency(id), let lead = emergency.lead, lead != state.options.actor {
                state.modals.append(
                    .confirm(
                        Confirm(
                            title: "Take over the lead of emergency \(id) from \(lead)?",
                            lines: [
                                "\(lead) leads it now and will be replaced by you (\(state.options.actor)).",
                                "Title: \(emergency.title)",
                            ],
                            command: .leadEmergency(id: id), expecting: expect)))
            } else {
                run(.leadEmergency(id: id), expect, &state, &effects)
            }
        case .staffEngineer:
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Engineer on emergency \(id)", hint: "Adds or replaces the engineer; Tab completes",
                        text: state.emergency(id)?.engineer ?? "", requiredMessage: "an engineer is required",
                        candidates: state.people, asksForPerson: true, flow: .staffEmergency(expect))))
        case .handOff:
            let next = state.onCall?.next?.name ?? ""
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Hand off emergency \(id)",
                        hint: "Hand off to (default: the next manager on the rota); Tab completes",
                        text: next, requiredMessage: "a hand-off needs a manager to hand off to",
                        candidates: state.people, asksForPerson: true, flow: .handOffTarget(expect))))
        case .resolveEmergency:
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Resolve emergency \(id)?", lines: named(expect.ref, state),
                        command: .resolveEmergency(id: id), expecting: expect)))
        case .flagCompromised:
            let flagged = state.emergency(id)?.compromised ?? false
            state.modals.append(
                .confirm(
                    Confirm(
                        title: flagged
                            ? "Clear the compromised flag on emergency \(id)?"
                            : "Flag emergency \(id) as a compromised instance?",
                        lines: named(expect.ref, state) + (flagged
                            ? []
                            : [
                                "Join before any call is offered; the fastest route is a restore.",
                                "The detail view (Enter) shows the recovery checklist; C ticks it.",
                            ]),
                        command: .flagEmergency(id: id, compromised: !flagged), expecting: expect)))
        case .checklist:
            guard let emergency = state.emergency(id), emergency.compromised else {
                state.status = StatusLine(.refused, "emergency \(id) is not flagged compromised (c flags it)")
                return
            }
            state.modals.append(
                .picker(
                    Picker(
                        title: "Recovery checklist for emergency \(id): Enter ticks or unticks",
                        options: CompromisedChecklist.items.map {
                            (emergency.checklistDone.contains($0.id) ? "[x] " : "[ ] ") + $0.title
                        }, flow: .checklist(expect))))
        default:
            break
        }
    }

    /// Asks the loop to run a command against the record as it was shown, remembering how to undo it.
    static func run(
        _ command: Command, _ expect: ExpectedRevision?, _ state: inout DashboardState, _ effects: inout [Effect]
    ) {
        state.pendingUndo = undo(of: command, state)
        effects.append(.execute(command, expecting: expect))
    }

    /// `u`: takes back the manager's own last acknowledge, assign, take-lead or engineer change.
    static func runUndo(_ state: inout DashboardState, _ effects: inout [Effect]) {
        guard let undo = state.undo else {
            state.status = StatusLine(
                .refused, "nothing to undo: u takes back your last acknowledge, assign, lead or engineer change")
            return
        }
        state.undo = nil
        state.pendingUndo = nil
        state.status = StatusLine(.info, "undoing the \(undo.what)…")
        // The record changed with the action being undone: no revision to expect; the rules check its state.
        for command in undo.commands { effects.append(.execute(command, expecting: nil)) }
    }

    /// The commands that restore what `command` is about to change, from the record as shown; nil when the
    /// command is not one `u` takes back.
    static func undo(of command: Command, _ state: DashboardState) -> Undo? {
        switch command {
        case .acknowledgeEscalation(let id):
            return Undo(what: "acknowledge of escalation \(id)", commands: [.unacknowledgeEscalation(id: id)])
        case .assignEscalation(let id, let owner):
            guard let e = state.escalation(id)?.escalation else { return nil }
            let what = "assignment of escalation \(id) to \(owner)"
            switch e.state {
            case .new:
                return Undo(what: what, commands: [.unassignEscalation(id: id), .unacknowledgeEscalation(id: id)])
            case .acknowledged:
                return Undo(what: what, commands: [.unassignEscalation(id: id)])
            case .assigned:
                guard let previous = e.owner else { return Undo(what: what, commands: [.unassignEscalation(id: id)]) }
                return Undo(what: what, commands: [.assignEscalation(id: id, owner: previous)])
            case .resolved, .rejected:
                return nil
            }
        case .leadEmergency(let id):
            guard let e = state.emergency(id) else { return nil }
            return Undo(what: "lead of emergency \(id)", commands: [.releaseLead(id: id, restoring: e.lead)])
        case .staffEmergency(let id, let engineer):
            guard let e = state.emergency(id) else { return nil }
            let back: Command = e.engineer.map { .staffEmergency(id: id, engineer: $0) } ?? .unstaffEmergency(id: id)
            return Undo(what: "engineer change on emergency \(id) (to \(engineer))", commands: [back])
        case .assignUpgrade(let id, let engineer):
            guard let previous = state.upgrade(id)?.engineer else { return nil }
            return Undo(
                what: "engineer change on upgrade request \(id) (to \(engineer))",
                commands: [.assignUpgrade(id: id, engineer: previous)])
        default:
            return nil
        }
    }
}
