import OnCallConfig
import OnCallRules
import Testing

/// Issue 15's schedule and target keys: holiday forms, one-off date hours, seconds and days targets,
/// per-region schedules; read, rendered back, and refused when bad.
@Suite struct ScheduleConfigTests {
    static let text = """
        [schedules.office]
        time_zone = "Europe/Amsterdam"
        holidays = ["easter", "easter+1", "easter-2", "12-25", "2026-12-24", "12-24..12-26", "2026-12-28..2027-01-02"]
        mon = ["09:00-12:00", "13:00-17:00"]
        [schedules.office.dates]
        "2026-12-31" = ["00:00-12:00"]
        "2026-06-01" = []
        [policies.priority]
        high = { seconds = 5400, schedule = "office" }
        low = { days = 1 }
        region_schedules = { EMEA = "emea", APAC = "apac" }
        """

    @Test func readsEveryForm() throws {
        let config = try ConfigLoader.load(toml: Self.text)
        let office = try #require(config.schedules["office"])
        #expect(
            office.holidays == [
                .easterSunday, .easter(offset: 1), .easter(offset: -2), .fixed(month: 12, day: 25),
                .date(year: 2026, month: 12, day: 24),
                .annualRange(fromMonth: 12, fromDay: 24, toMonth: 12, toDay: 26),
                .dateRange(
                    from: CivilDate(year: 2026, month: 12, day: 28),
                    to: CivilDate(year: 2027, month: 1, day: 2)),
            ])
        #expect(
            office.dates[CivilDate(year: 2026, month: 12, day: 31).daysSinceEpoch] == [
                OpenInterval(startMinute: 0, endMinute: 720)
            ])
        #expect(office.dates[CivilDate(year: 2026, month: 6, day: 1).daysSinceEpoch] == [])
        #expect(office.week[1].count == 2)
        let priority = try #require(config.policies["priority"])
        #expect(priority.targets[.high] == SLATarget(seconds: 5400, schedule: "office"))
        // Only the amount changes: the default's schedule stays.
        #expect(priority.targets[.low] == SLATarget(days: 1, schedule: "business"))
        #expect(priority.regionSchedules == [.emea: "emea", .apac: "apac"])
    }

    @Test func rendersBackToTheSameValue() throws {
        let config = try ConfigLoader.load(toml: Self.text)
        #expect(try ConfigLoader.load(toml: ConfigLoader.render(config)) == config)
        #expect(
            try ConfigLoader.load(toml: ConfigLoader.render(config), over: ConfigFixtures.distorted())
                == config)
    }

    @Test(arguments: [
        ("[schedules.business]\nholidays = [\"easter+61\"]", "schedules.business.holidays[0]"),
        ("[schedules.business]\nholidays = [\"2026-02-30\"]", "schedules.business.holidays[0]"),
        (
            "[schedules.business]\nholidays = [\"2027-01-02..2026-12-28\"]",
            "schedules.business.holidays[0]"
        ),
        ("[schedules.business]\nholidays = [\"12-24..\"]", "schedules.business.holidays[0]"),
        ("[schedules.business.dates]\n\"31-12-2026\" = []", "schedules.business.dates.31-12-2026"),
        (
            "[schedules.business.dates]\n\"2026-12-31\" = [\"12:00-11:00\"]",
            "schedules.business.dates.2026-12-31[0]"
        ),
        ("[policies.priority.high]\nseconds = 5\nminutes = 5", "policies.priority.high.minutes"),
        ("[policies.priority.high]\ndays = 0", "policies.priority.high.days"),
        (
            "[policies.priority]\nregion_schedules = { EMEA = \"nowhere\" }",
            "policies.priority.region_schedules.EMEA"
        ),
        (
            "[policies.priority]\nregion_schedules = { MARS = \"emea\" }",
            "policies.priority.region_schedules.MARS"
        ),
    ])
    func badValuesNameTheKey(_ toml: String, _ keyPath: String) {
        #expect(ConfigFixtures.refusal(toml)?.keyPath == keyPath)
    }
}
