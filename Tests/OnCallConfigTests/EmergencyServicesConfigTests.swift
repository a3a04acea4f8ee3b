import OnCallConfig
import OnCallRules
import Testing

/// Issue 15 item 3: `[emergency.services.NAME]` overrides the missed-page tiers per PagerDuty service; bad
/// entries are refused naming the key.
@Suite struct EmergencyServicesConfigTests {
    static let refusals: [(toml: String, message: String)] = [
        ("[emergency.services.cmoc]\nmatch = [\"P1PRQ6J\"]\nmanager_minutes = 10",
         "config.toml: emergency.services.cmoc.senior_minutes: missing (a new service override needs match, manager_minutes and senior_minutes)"),
        ("[emergency.services.cmoc]\nmanager_minutes = 10\nsenior_minutes = 15",
         "config.toml: emergency.services.cmoc.match: missing (a new service override needs match, manager_minutes and senior_minutes)"),
        ("[emergency.services.us-federal]\nmatch = []",
         "config.toml: emergency.services.us-federal.match: expected at least one PagerDuty service id or name, got []"),
        ("[emergency.services.us-federal]\nmatch = [\"P8K2XHK\", \" \"]",
         "config.toml: emergency.services.us-federal.match[1]: expected a PagerDuty service id or name, got \" \""),
        ("[emergency.services.us-federal]\nmatch = \"P8K2XHK\"",
         "config.toml: emergency.services.us-federal.match: expected an array of strings, got \"P8K2XHK\""),
        ("[emergency.services.us-federal]\nmanager_minutes = 40",
         "config.toml: emergency.services.us-federal.manager_minutes: 40 is more than emergency.services.us-federal.senior_minutes (35)"),
        ("[emergency.services.us-federal]\nsenior_minutes = 0",
         "config.toml: emergency.services.us-federal.senior_minutes: expected a positive integer, got 0"),
        ("[emergency.services.us-federal]\nleadership_minutes = 20",
         "config.toml: emergency.services.us-federal.leadership_minutes: unknown key (expected one of: match, manager_minutes, senior_minutes)"),
        ("[emergency.services.copy]\nmatch = [\"customer support - US FEDERAL\"]\nmanager_minutes = 1\nsenior_minutes = 2",
         "config.toml: emergency.services.us-federal.match[1]: \"Customer Support - US Federal\" is already matched by emergency.services.copy"),
        ("[emergency]\nservices = 3", "config.toml: emergency.services: expected a table, got 3"),
        ("[emergency]\nrotation = 3",
         "config.toml: emergency.rotation: unknown key (expected one of: manager_minutes, senior_minutes, long_running_minutes, services)"),
    ]

    @Test(arguments: refusals)
    func badEntryIsRefusedNamingTheKey(toml: String, message: String) {
        #expect(ConfigFixtures.refusal(toml)?.description == message)
    }

    @Test func defaultsHaveUSFederal() {
        let federal = OnCallConfig.gitlabDefaults.emergency.services["us-federal"]
        #expect(federal == ServicePageTiers(services: ["P8K2XHK", "Customer Support - US Federal"], managerMinutes: 15, seniorMinutes: 35))
    }

    @Test func anEntryIsAddedChangedOrRemoved() throws {
        let added = try ConfigLoader.load(
            toml: "[emergency.services.cmoc]\nmatch = [\"P1PRQ6J\"]\nmanager_minutes = 10\nsenior_minutes = 15\n"
                + "[emergency.services.us-federal]\nmanager_minutes = 20\n")
        #expect(added.emergency.services["cmoc"]?.services == ["P1PRQ6J"])
        #expect(added.emergency.services["us-federal"]?.managerMinutes == 20)
        #expect(added.emergency.services["us-federal"]?.services.first == "P8K2XHK")  // the rest kept
        let removed = try ConfigLoader.load(toml: "[emergency.services]\nus-federal = \"none\"\n")
        #expect(removed.emergency.services.isEmpty)
        // `oncall config` writes what reads back to the same value, removals included.
        #expect(try ConfigLoader.load(toml: ConfigLoader.render(added)) == added)
        #expect(try ConfigLoader.load(toml: ConfigLoader.render(removed)) == removed)
    }
}
