import Foundation
import Testing

@testable import OnCallRules

/// Issue 15 item 3: the missed-page tiers depend on the PagerDuty service (DOMAIN.md §0, §1.4, [PD]): the
/// Customer Emergency Rotation pages the manager after 10 min and senior managers after 5 more; the US Federal
/// rotation the AMER manager after 15 min and leadership after 20 more.
@Suite("Missed-page tiers per PagerDuty service")
struct ServicePageTiersTests {
    static let paged = utc("2026-02-09T16:00:00Z")

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var serviceId: String?
        var serviceName: String?
        var minutes: Double
        var expected: MissedPage
        var override: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no service, 9 min: not yet", minutes: 9, expected: .none),
        Case(name: "no service, 10 min: manager", minutes: 10, expected: .manager),
        Case(name: "no service, 15 min: senior", minutes: 15, expected: .senior),
        Case(
            name: "Customer Support (default tiers), 12 min: manager", serviceId: "PL3TX00",
            serviceName: "Customer Support", minutes: 12, expected: .manager),
        Case(
            name: "US Federal by id, 12 min: not yet", serviceId: "P8K2XHK", minutes: 12, expected: .none,
            override: "us-federal"),
        Case(
            name: "US Federal by id, 15 min: the AMER manager", serviceId: "P8K2XHK", minutes: 15,
            expected: .manager, override: "us-federal"),
        Case(
            name: "US Federal by name, 34 min: still the manager",
            serviceName: "Customer Support - US Federal", minutes: 34, expected: .manager, override: "us-federal"),
        Case(
            name: "US Federal by name in another case, 35 min: leadership",
            serviceName: "customer support - us federal", minutes: 35, expected: .senior, override: "us-federal"),
        Case(
            name: "an unknown service id with the US Federal name still matches by name", serviceId: "PNEW123",
            serviceName: "Customer Support - US Federal", minutes: 20, expected: .manager, override: "us-federal"),
        Case(
            name: "ids are exact: p8k2xhk is another service", serviceId: "p8k2xhk", minutes: 12,
            expected: .manager),
    ]

    @Test(arguments: cases) func tiersPickedByService(_ c: Case) {
        let e = Emergency(
            id: 1, title: "Down", pagedAt: Self.paged, serviceId: c.serviceId, serviceName: c.serviceName)
        let now = Self.paged.addingTimeInterval(c.minutes * 60)
        #expect(MissedPage.of(e, at: now, timings: gitlab.emergency) == c.expected)
        #expect(gitlab.emergency.tiers(for: e).override == c.override)
    }

    @Test func tiersText() {
        let federal = gitlab.emergency.tiers(serviceId: "P8K2XHK", serviceName: nil)
        #expect(federal.text == "manager after 15m, senior after 35m (emergency.services.us-federal)")
        #expect(
            gitlab.emergency.tiers(serviceId: nil, serviceName: nil).text
                == "manager after 10m, senior after 15m (emergency defaults)")
    }

    @Test func overridesTriedInNameOrder() {
        var timings = gitlab.emergency
        timings.services["a-first"] = ServicePageTiers(services: ["Shared"], managerMinutes: 1, seniorMinutes: 2)
        timings.services["b-second"] = ServicePageTiers(services: ["shared"], managerMinutes: 3, seniorMinutes: 4)
        #expect(timings.tiers(serviceId: nil, serviceName: "SHARED").override == "a-first")
    }

    @Test func aLeadOrAnAcknowledgementAnswersAUSFederalPageToo() {
        var e = Emergency(id: 1, title: "Down", pagedAt: Self.paged, serviceId: "P8K2XHK")
        let late = Self.paged.addingTimeInterval(40 * 60)
        #expect(MissedPage.of(e, at: late, timings: gitlab.emergency) == .senior)
        e.lead = "alice"
        #expect(MissedPage.of(e, at: late, timings: gitlab.emergency) == .none)
        e.lead = nil
        e.state = .acknowledged
        #expect(MissedPage.of(e, at: late, timings: gitlab.emergency) == .none)
    }

    @Test func triggerRecordsTheService() throws {
        let board = EscalationCommandTests.board(.acknowledged)
        let now = EscalationCommandTests.now
        let plain = try run(.triggerEmergency(escalationId: 88), on: board, at: now)
        #expect(plain.emergency?.serviceName == "Customer Support")
        let federal = try run(
            .triggerEmergency(escalationId: 88, service: "Customer Support - US Federal"), on: board, at: now)
        #expect(federal.emergency?.serviceName == "Customer Support - US Federal")
        #expect(federal.pages.first?.impactedService == "Customer Support - US Federal")
        #expect(federal.audit.last?.after == "state=triggered escalation=88 service=Customer Support - US Federal")
    }

    @Test func addRefusesABlankService() {
        let e = Emergency(id: 5, ticket: 5, title: "Down", pagedAt: Self.paged, serviceName: "  ")
        #expect(throws: RuleError.self) { try run(.addEmergency(e), on: Board(), at: Self.paged) }
    }
}
