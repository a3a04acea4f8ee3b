import OnCallConfig
import OnCallRules
import Testing

/// `render` writes what `load` reads back to the same value, and single keys override single values.
@Suite struct ConfigRoundTripTests {
    @Test func defaultsRoundTrip() throws {
        let text = ConfigLoader.render(.gitlabDefaults)
        #expect(try ConfigLoader.load(toml: text) == .gitlabDefaults)
        #expect(try ConfigLoader.load(toml: text, over: ConfigFixtures.distorted()) == .gitlabDefaults)
    }

    @Test func changedConfigRoundTrips() throws {
        var config = OnCallConfig.gitlabDefaults
        config.me = "Zoë Ångström"
        config.engineers = ["Ana \"the\" Lima", "王芳", "back\\slash"]
        config.schedules["emea"] = BusinessSchedule(
            timeZone: "Europe/Amsterdam",
            week: [[], [OpenInterval(startMinute: 480, endMinute: 720), OpenInterval(startMinute: 780, endMinute: 1080)],
                [], [], [], [], []],
            holidays: [.fixed(month: 2, day: 29), .easterSunday])
        config.policies["licensing"]?.targets[.low] = nil
        config.policies["free"] = nil
        config.policyOrder.removeAll { $0 == "free" }
        config.policies["standard"]?.unprioritized = SLATarget(minutes: 60, schedule: "emea")
        config.imports.zendeskPlanTags["silver"] = nil
        config.imports.zendeskPlanTags["odd tag!"] = .licensing
        config.imports.zendeskPlanForms = [360_000_123_456: .licensing]
        config.imports.zendeskRegionField = 360_001_234
        config.imports.pagerdutyTicketPattern = #"ZD#?\s*(\d+)"#
        config.escalationMinutes[.unknown] = nil
        config.dashboard.bell = false
        let text = ConfigLoader.render(config)
        #expect(try ConfigLoader.load(toml: text) == config)
    }

    @Test func removedScheduleRoundTrips() throws {
        var config = OnCallConfig.gitlabDefaults
        config.schedules["us-federal"] = nil
        config.policies["us-federal"] = nil
        config.policies["us-federal-licensing"] = nil
        config.policyOrder.removeAll { $0.hasPrefix("us-federal") }
        #expect(try ConfigLoader.load(toml: ConfigLoader.render(config)) == config)
    }

    @Test func emptyFileKeepsTheBase() throws {
        #expect(try ConfigLoader.load(toml: "") == .gitlabDefaults)
        #expect(try ConfigLoader.load(toml: "# nothing\n", over: ConfigFixtures.distorted()) == ConfigFixtures.distorted())
    }

    @Test func singleKeysOverrideSingleValues() throws {
        let text = """
            me = "Priya"
            [policies.priority.high]
            minutes = 120
            [schedules.business]
            fri = ["00:00-18:00"]
            holidays = ["easter"]
            [escalation_minutes]
            urgent = 15
            [imports.zendesk_plan_tags]
            consumption_only = "standard"
            bronze = "none"
            [imports]
            zendesk_region_field = 42
            """
        let config = try ConfigLoader.load(toml: text)
        var expected = OnCallConfig.gitlabDefaults
        expected.me = "Priya"
        expected.policies["priority"]?.targets[.high] = SLATarget(minutes: 120, schedule: "business")
        expected.schedules["business"]?.week[5] = [OpenInterval(startMinute: 0, endMinute: 1080)]
        expected.schedules["business"]?.holidays = [.easterSunday]
        expected.escalationMinutes[.urgent] = 15
        expected.imports.zendeskPlanTags["consumption_only"] = .standard
        expected.imports.zendeskPlanTags["bronze"] = nil
        expected.imports.zendeskRegionField = 42
        #expect(config == expected)
    }

    @Test func newScheduleAndTargetAreUsable() throws {
        let text = """
            [schedules.apac]
            time_zone = "Australia/Brisbane"
            mon = ["09:00-21:00"]
            [policies.free.high]
            minutes = 600
            schedule = "apac"
            """
        let config = try ConfigLoader.load(toml: text)
        #expect(config.schedules["apac"]?.week[1] == [OpenInterval(startMinute: 540, endMinute: 1260)])
        #expect(config.schedules["apac"]?.week[0] == [])
        #expect(config.policies["free"]?.targets[.high] == SLATarget(minutes: 600, schedule: "apac"))
    }
}
