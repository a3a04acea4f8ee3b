import Foundation
import OnCallRules
import Testing

@testable import OnCallTUI

/// Issue 15: the ticket detail says where the FRT deadline came from and flags an out-of-date policy config;
/// the emergency detail shows the PagerDuty service and the missed-page tiers it picks.
@Suite struct DeadlineSourceSnapshotTests {
    func frame(_ state: DashboardState) -> CellBuffer {
        Dashboard.view(state, now: Fixtures.now, width: state.width, height: state.height)
    }

    @Test func ticketDetailWithAZendeskDeadlineTheConfigDisagreesWith() {
        var tickets = Fixtures.tickets
        var item = tickets[1]
        item.ticket.slaBreachAt = item.deadline
        item.source = .zendesk
        item.computedDeadline = Fixtures.at(18.7 - 90)
        tickets[1] = item
        var state = Fixtures.state(Fixtures.overview(frt: tickets), width: 100, height: 30)
        _ = press(&state, .char("3"), .down, .enter)
        let text = Snapshot.text(frame(state))
        #expect(text.contains("Deadline from       Zendesk (SLA breach_at)"))
        #expect(text.contains("Zendesk's deadline is 1h 30m later than the computed one"))
        Snapshot.assert(frame(state), named: "detail-ticket-zendesk-drift-100x30")
    }

    @Test func emergencyDetailOnTheUSFederalService() {
        var emergencies = Fixtures.emergencies
        emergencies[0].serviceId = "P8K2XHK"
        emergencies[0].serviceName = "Customer Support - US Federal"
        var state = Fixtures.state(Fixtures.overview(emergencies: emergencies), width: 120, height: 40)
        _ = press(&state, .enter)
        let text = Snapshot.text(frame(state))
        #expect(text.contains("Customer Support - US Federal (P8K2XHK)"))
        #expect(text.contains("manager after 15m, senior after 35m (emergency.services.us-federal)"))
        Snapshot.assert(frame(state), named: "detail-emergency-us-federal-120x40")
    }
}
