import Foundation
import OnCallRules
import Testing

@testable import OnCallImport

/// Issue 15 item 2: the importer reads the ticket form, tags and stage that the SLA policies match on, and the
/// first matching policy is the one Zendesk would apply (DOMAIN.md §0, §1.3).
@Suite("Zendesk import: form, tags and stage")
struct ZendeskFormStageTagsTests {
    /// A site's mapping: form 900 = Emergencies, 901 = L&R; stage in custom field 777.
    static let settings: ImportSettings = {
        var s = testSettings
        s.zendeskForms = [900: "emergencies", 901: "licensing"]
        s.zendeskStageField = 777
        return s
    }()

    static let noDefaultPlan: ImportSettings = {
        var s = settings
        s.zendeskDefaultPlan = .unknown
        return s
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The members after id/status/created_at.
        var members: String
        var settings: ImportSettings = ZendeskFormStageTagsTests.settings
        var form: String?
        var tags: [String]
        var stage: String?
        var policy: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "mapped Emergencies form, no organization: Emergency Support",
            members: #""priority":"urgent","ticket_form_id":900,"tags":["premium"]"#,
            form: "emergencies", tags: ["premium"], stage: nil, policy: "Emergency Support"),
        Case(
            name: "an unmapped form id carries no form",
            members: #""priority":"high","ticket_form_id":12345,"organization_id":5,"tags":["gold"]"#,
            form: nil, tags: ["gold"], stage: nil, policy: "Priority Support"),
        Case(
            name: "stage needs_org from the dropdown tag value excludes Priority Support",
            members:
                #""priority":"high","organization_id":5,"tags":["ultimate"],"custom_fields":[{"id":777,"value":"needs_org"}]"#,
            form: nil, tags: ["ultimate"], stage: "needs-org", policy: "Needs Org"),
        Case(
            name: "stage shown as Needs Triage is normalized",
            members:
                #""priority":"low","organization_id":5,"tags":["premium"],"custom_fields":[{"id":1,"value":"x"},{"id":777,"value":"Needs Triage"}]"#,
            form: nil, tags: ["premium"], stage: "needs-triage", policy: "Needs Org"),
        Case(
            name: "an empty stage value is no stage",
            members:
                #""priority":"low","organization_id":5,"tags":["premium"],"custom_fields":[{"id":777,"value":null}]"#,
            form: nil, tags: ["premium"], stage: nil, policy: "Priority Support"),
        Case(
            name: "stage field not configured: the stage is not read",
            members:
                #""priority":"low","organization_id":5,"tags":["premium"],"custom_fields":[{"id":777,"value":"needs_org"}]"#,
            settings: testSettings, form: nil, tags: ["premium"], stage: nil, policy: "Priority Support"),
        Case(
            name: "tags kept in order; missing_sla_tag sends it to Triage",
            members: #""priority":"normal","tags":["zeta","missing_sla_tag","alpha"]"#,
            form: nil, tags: ["zeta", "missing_sla_tag", "alpha"], stage: nil, policy: "Needs Org"),
        // With an organization and no plan tag the default plan (standard) applies, and Standard comes before
        // Consumption in Zendesk's order; with no default plan the tag decides.
        Case(
            name: "consumption_only tag under the default plan: Standard first",
            members: #""priority":"normal","organization_id":5,"tags":["consumption_only"]"#,
            form: nil, tags: ["consumption_only"], stage: nil, policy: "Standard"),
        Case(
            name: "consumption_only tag, no default plan",
            members: #""priority":"normal","organization_id":5,"tags":["consumption_only"]"#,
            settings: noDefaultPlan, form: nil, tags: ["consumption_only"], stage: nil,
            policy: "Consumption Support"),
        Case(
            name: "mapped L&R form on a Priority customer",
            members: #""priority":"urgent","organization_id":5,"ticket_form_id":901,"tags":["premium"]"#,
            form: "licensing", tags: ["premium"], stage: nil, policy: "Licensing & Renewals"),
    ]

    @Test(arguments: cases) func readsFormTagsStage(_ c: Case) throws {
        let text = #"{"ticket":{"id":3100,"status":"new","created_at":"2026-05-07T10:00:00Z","#
            + c.members + "}}"
        var board = Board()
        try importText(text, into: &board, settings: c.settings)
        let ticket = try #require(board.ticketOrNil(3100))
        #expect(ticket.form == c.form)
        #expect(ticket.tags == c.tags)
        #expect(ticket.stage == c.stage)
        #expect(OnCallConfig.gitlabDefaults.policy(for: ticket).name == c.policy)
    }

    @Test func laterPayloadWithoutTheStageKeepsIt() throws {
        var board = Board()
        try importText(
            #"{"ticket":{"id":3101,"status":"new","created_at":"2026-05-07T10:00:00Z","updated_at":"2026-05-07T10:00:00Z","organization_id":5,"tags":["premium"],"custom_fields":[{"id":777,"value":"needs_org"}]}}"#,
            into: &board, settings: Self.settings)
        // A later list payload without custom fields (a view export) neither clears the stage nor the form map.
        try importText(
            #"{"ticket":{"id":3101,"status":"open","created_at":"2026-05-07T10:00:00Z","updated_at":"2026-05-07T11:00:00Z","organization_id":5,"tags":["premium","triaged"]}}"#,
            into: &board, settings: Self.settings)
        let ticket = try #require(board.ticketOrNil(3101))
        #expect(ticket.stage == "needs-org")
        #expect(ticket.tags == ["premium", "triaged"])
        #expect(ticket.status == .open)
    }
}
