import Foundation
import OnCallRules

extension Dashboard {
    /// The labels offered when resolving an escalation; the last option asks for a typed one.
    public static let resolutionLabels = ["Escalation::License-Issue", "Escalation::Response-Time"]
    static let typeLabelOption = "Type another label…"

    /// Starts an action on a record: runs it at once, or opens the prompt, picker or confirmation it needs.
    static func startAction(
        _ action: Action, _ expect: Expectation, _ state: inout DashboardState, _ effects: inout [Effect], now: Date
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
                        candidates: state.people, flow: .assignUpgrade(expect))))
        case .assignOwner:
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Owner of escalation \(id)", hint: "Tab completes a known engineer",
                        requiredMessage: "an owner is required", candidates: state.people,
                        flow: .assignOwner(expect))))
        case .resolveEscalation:
            state.modals.append(
                .picker(
                    Picker(
                        title: "Resolve escalation \(id): label", options: resolutionLabels + [typeLabelOption],
                        flow: .resolveLabel(expect))))
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
                        lines: [
                            "PagerDuty incident:",
                            "  Impacted Service: \(pd.impactedService)",
                            "  Assign to:        \(pd.assignTo)",
                            "  Title:            \(ticket.map(String.init) ?? "(no Zendesk ticket number)")",
                        ],
                        command: .triggerEmergency(escalationId: id), expecting: expect)))
        case .completeUpgrade:
            let customer = state.upgrade(id)?.customer ?? ""
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Mark upgrade request \(id) done?", lines: ["Customer: \(customer)"],
                        command: .completeUpgrade(id: id), expecting: expect)))
        case .takeLead:
            run(.leadEmergency(id: id), expect, &state, &effects)
        case .staffEngineer:
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Engineer on emergency \(id)", hint: "Adds or replaces the engineer; Tab completes",
                        text: state.emergency(id)?.engineer ?? "", requiredMessage: "an engineer is required",
                        candidates: state.people, flow: .staffEmergency(expect))))
        case .handOff:
            let next = state.onCall?.next?.name ?? ""
            state.modals.append(
                .prompt(
                    Prompt(
                        title: "Hand off emergency \(id)",
                        hint: "Hand off to (default: the next manager on the rota); Tab completes",
                        text: next, requiredMessage: "a hand-off needs a manager to hand off to",
                        candidates: state.people, flow: .handOffTarget(expect))))
        case .resolveEmergency:
            let title = state.emergency(id)?.title ?? ""
            state.modals.append(
                .confirm(
                    Confirm(
                        title: "Resolve emergency \(id)?", lines: ["Title: \(title)"],
                        command: .resolveEmergency(id: id), expecting: expect)))
        case .flagCompromised:
            let flagged = state.emergency(id)?.compromised ?? false
            state.modals.append(
                .confirm(
                    Confirm(
                        title: flagged
                            ? "Clear the compromised flag on emergency \(id)?"
                            : "Flag emergency \(id) as a compromised instance?",
                        lines: flagged
                            ? []
                            : [
                                "Join before any call is offered; the fastest route is a restore.",
                                "The detail view (Enter) shows the recovery checklist; C ticks it.",
                            ],
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

    /// Asks the loop to run a command against the record as it was shown.
    static func run(
        _ command: Command, _ expect: Expectation?, _ state: inout DashboardState, _ effects: inout [Effect]
    ) {
        effects.append(.execute(command, expecting: expect))
    }
}
