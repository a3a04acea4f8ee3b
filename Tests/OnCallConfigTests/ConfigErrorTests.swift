import OnCallConfig
import OnCallRules
import Testing

/// Each bad file is refused with a message naming the key path and what was wrong.
@Suite struct ConfigErrorTests {
    static let cases: [(toml: String, message: String)] = [
        ("[policies.priority.high]\nminutes = \"four\"",
         "config.toml: policies.priority.high.minutes: expected a positive integer, got \"four\""),
        ("[policies.priority.high]\nminutes = -4",
         "config.toml: policies.priority.high.minutes: expected a positive integer, got -4"),
        ("[policies.priority]\nhigh = 5",
         "config.toml: policies.priority.high: expected a table { minutes = N, schedule = \"NAME\" } (or seconds = N, days = N) or \"none\", got 5"),
        ("colour = \"red\"",
         "config.toml: colour: unknown key (expected one of: me, engineers, schedules, policies, policy_order, risk, escalation_minutes, escalation_schedule, emergency, alerts, upgrades, imports, dashboard, pagerduty, keys, theme, sources, people)"),
        ("[risk]\ncritical = 3",
         "config.toml: risk.critical: unknown key (expected one of: critical_minutes, warning_minutes)"),
        ("[schedules.business]\ntime_zone = \"Mars/Olympus\"",
         "config.toml: schedules.business.time_zone: unknown time zone \"Mars/Olympus\" (expected an IANA name like Europe/Amsterdam)"),
        ("[schedules.business]\nsun = [\"25:00-26:00\"]",
         "config.toml: schedules.business.sun[0]: expected an interval \"HH:MM-HH:MM\" within 00:00-24:00, got \"25:00-26:00\""),
        ("[schedules.business]\nmon = [\"09:00-08:00\"]",
         "config.toml: schedules.business.mon[0]: the end is not after the start in \"09:00-08:00\""),
        ("[schedules.business]\ntue = [\"09:00-12:00\", \"11:00-13:00\"]",
         "config.toml: schedules.business.tue[1]: \"11:00-13:00\" overlaps or comes before the previous interval (list them in order)"),
        ("[schedules.business]\nholidays = [\"easter\", \"13-01\"]",
         "config.toml: schedules.business.holidays[1]: expected \"easter\", \"easter+N\", \"easter-N\", a date \"MM-DD\" or \"YYYY-MM-DD\", or a range \"MM-DD..MM-DD\" / \"YYYY-MM-DD..YYYY-MM-DD\", got \"13-01\""),
        ("[schedules.business]\nholidays = \"easter\"",
         "config.toml: schedules.business.holidays: expected an array of strings, got \"easter\""),
        ("[schedules.business]\nwed = [9]",
         "config.toml: schedules.business.wed[0]: expected a string, got 9"),
        ("[schedules.lab]\nmon = [\"08:00-18:00\"]",
         "config.toml: schedules.lab.time_zone: missing (a new schedule needs a time zone)"),
        ("[schedules.business]\nweekend = []",
         "config.toml: schedules.business.weekend: unknown key (expected one of: time_zone, always_open, holidays, dates, sun, mon, tue, wed, thu, fri, sat)"),
        ("[policies.gold]\nname = \"Gold\"",
         "config.toml: policies.gold: not in policy_order (add it where it should be tried)"),
        ("policy_order = [\"priority\", \"gold\"]",
         "config.toml: policy_order[1]: no policy named \"gold\""),
        ("policy_order = [\"priority\", \"priority\"]",
         "config.toml: policy_order[1]: \"priority\" is listed twice"),
        ("[policies.triage]\nall = [\"colour = red\"]",
         "config.toml: policies.triage.all[0]: expected \"FIELD = VALUE\" or \"FIELD != VALUE\" with FIELD one of form, tag, stage, plan, got \"colour = red\""),
        ("[policies.vip]\nany = [\"plan = gold\"]",
         "config.toml: policies.vip.any[0]: unknown plan \"gold\" (expected one of: priority, standard, licensing, us-federal, free, unknown)"),
        ("escalation_schedule = \"office\"",
         "config.toml: escalation_schedule: unknown schedule \"office\" (known: amer, apac, business, calendar, emea, us-federal)"),
        ("[policies.priority.critical]\nminutes = 5",
         "config.toml: policies.priority.critical: unknown key (expected one of: name, all, any, urgent, high, normal, low, unprioritized, region_schedules)"),
        ("[policies.priority.high]\nschedule = \"bizness\"",
         "config.toml: policies.priority.high.schedule: unknown schedule \"bizness\" (known: amer, apac, business, calendar, emea, us-federal)"),
        ("[policies.free.high]\nminutes = 60",
         "config.toml: policies.free.high.schedule: missing (a new target needs minutes and schedule)"),
        ("[schedules]\ncalendar = \"none\"",
         "config.toml: policies.emergency.urgent.schedule: unknown schedule \"calendar\" (known: amer, apac, business, emea, us-federal)"),
        ("[escalation_minutes]\nsoon = 10",
         "config.toml: escalation_minutes.soon: unknown key (expected one of: not-urgent, timely, urgent, unknown)"),
        ("[escalation_minutes]\nurgent = 0",
         "config.toml: escalation_minutes.urgent: expected a positive integer, got 0"),
        ("[emergency]\nmanager_minutes = 20",
         "config.toml: emergency.manager_minutes: 20 is more than emergency.senior_minutes (15)"),
        ("[risk]\ncritical_minutes = 200",
         "config.toml: risk.critical_minutes: 200 is more than risk.warning_minutes (120)"),
        ("[alerts]\nfrt_build_up = 2.5",
         "config.toml: alerts.frt_build_up: expected a positive integer, got 2.5"),
        ("[upgrades]\nsupport_hours_schedule = \"office\"",
         "config.toml: upgrades.support_hours_schedule: unknown schedule \"office\" (known: amer, apac, business, calendar, emea, us-federal)"),
        ("[imports]\npagerduty_ticket_pattern = \"([0-9]+\"",
         "config.toml: imports.pagerduty_ticket_pattern: not a valid regular expression: \"([0-9]+\""),
        ("[imports]\npagerduty_ticket_pattern = \"[0-9]+\"",
         "config.toml: imports.pagerduty_ticket_pattern: needs a capture group around the ticket number: \"[0-9]+\""),
        ("[imports]\nzendesk_default_plan = \"gold\"",
         "config.toml: imports.zendesk_default_plan: unknown plan \"gold\" (expected one of: priority, standard, licensing, us-federal, free, unknown)"),
        ("[imports.zendesk_plan_tags]\nsilver = \"platinum\"",
         "config.toml: imports.zendesk_plan_tags.silver: unknown plan \"platinum\" (expected one of: priority, standard, licensing, us-federal, free, unknown)"),
        ("[imports.zendesk_plan_forms]\nlr = \"licensing\"",
         "config.toml: imports.zendesk_plan_forms.lr: expected a Zendesk ticket form id (a positive integer) as the key"),
        ("[imports]\nzendesk_region_field = -1",
         "config.toml: imports.zendesk_region_field: expected a custom field id (a positive integer) or \"none\", got -1"),
        ("[dashboard]\nbell = \"yes\"",
         "config.toml: dashboard.bell: expected true or false, got \"yes\""),
        ("[dashboard]\npoll_ms = 0",
         "config.toml: dashboard.poll_ms: expected a positive integer, got 0"),
        ("[pagerduty]\nevents_url = \"events.pagerduty.com\"",
         "config.toml: pagerduty.events_url: expected an http(s) URL, got \"events.pagerduty.com\""),
        ("[pagerduty]\nrouting_key_env = \"0123456789abcdef0123456789abcdef\"",
         "config.toml: pagerduty.routing_key_env: expected the NAME of an environment variable (letters, digits, _), not the key, got \"0123456789abcdef0123456789abcdef\""),
        ("me = 3", "config.toml: me: expected a string, got 3"),
        ("engineers = [\"Ana\", \"\"]", "config.toml: engineers[1]: expected a name, got \"\""),
        ("risk = 3", "config.toml: risk: expected a table, got 3"),
    ]

    @Test(arguments: cases)
    func badFileIsRefusedNamingTheKey(toml: String, message: String) {
        #expect(ConfigFixtures.refusal(toml)?.description == message)
    }

    @Test func malformedTOMLNamesTheLine() {
        do {
            _ = try ConfigLoader.load(toml: "me = \"a\"\n[risk\n", source: "/tmp/x.toml")
            Issue.record("accepted malformed TOML")
        } catch let error as ConfigError {
            #expect(error.source == "/tmp/x.toml")
            #expect(error.description.hasPrefix("/tmp/x.toml: line 2"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

extension ConfigErrorTests {
    @Test func aScheduleThatNeverOpensIsRefused() {
        let toml = "[schedules.business]\nsun = []\nmon = []\ntue = []\nwed = []\nthu = []\nfri = []\n"
        #expect(throws: ConfigError(
            keyPath: "schedules.business",
            message: "never open: give it weekly hours (sun..sat) or always_open = true")) {
            try ConfigLoader.load(toml: toml)
        }
    }
}
