import OnCallConfig
import OnCallRules
import Testing

/// Issue 14 item 1: every duration and count has a documented range; a value outside it is refused naming the
/// key, instead of being accepted and crashing (`status` trapped on arithmetic overflow) or hanging later.
@Suite struct ConfigRangeTests {
    static let outOfRange: [(toml: String, key: String, maximum: Int)] = [
        ("[escalation_minutes]\nurgent = 9223372036854775807", "escalation_minutes.urgent", 525_600),
        ("[policies.priority]\nhigh = { seconds = 31536001 }", "policies.priority.high.seconds", 31_536_000),
        ("[policies.priority]\nlow = { days = 9223372036854775807 }", "policies.priority.low.days", 365),
        ("[policies.priority]\nhigh = { minutes = 1000000000000 }", "policies.priority.high.minutes", 525_600),
        ("[policies.needs_org.low]\nminutes = 525601", "policies.needs_org.low.minutes", 525_600),
        ("[emergency]\nmanager_minutes = 9223372036854775807", "emergency.manager_minutes", 525_600),
        ("[emergency]\nsenior_minutes = 9223372036854775807", "emergency.senior_minutes", 525_600),
        ("[emergency]\nlong_running_minutes = 9223372036854775807", "emergency.long_running_minutes", 525_600),
        ("[risk]\nwarning_minutes = 9223372036854775807", "risk.warning_minutes", 525_600),
        ("[risk]\ncritical_minutes = 600000", "risk.critical_minutes", 525_600),
        ("[alerts]\nactive_emergencies = 9223372036854775807", "alerts.active_emergencies", 100_000),
        ("[alerts]\nfrt_build_up = 100001", "alerts.frt_build_up", 100_000),
        ("[upgrades]\nnotice_days_simple = 9223372036854775807", "upgrades.notice_days_simple", 365),
        ("[upgrades]\nnotice_days_complex = 366", "upgrades.notice_days_complex", 365),
        ("[upgrades]\nunassigned_hours = 9223372036854775807", "upgrades.unassigned_hours", 8_760),
        ("[upgrades]\nassignee_change_hours = 8761", "upgrades.assignee_change_hours", 8_760),
        ("[dashboard]\npoll_ms = 9223372036854775807", "dashboard.poll_ms", 60_000),
    ]

    @Test(arguments: outOfRange)
    func aValueAboveItsRangeIsRefusedNamingTheKey(toml: String, key: String, maximum: Int) {
        guard let error = ConfigFixtures.refusal(toml) else { return }
        #expect(error.keyPath == key)
        #expect(error.description.hasPrefix("config.toml: \(key): "))
        #expect(error.description.hasSuffix("is out of range: expected at most \(maximum)"), "\(error)")
    }

    @Test func theTopOfEachRangeIsAccepted() throws {
        let toml = """
            [escalation_minutes]
            urgent = 525600
            [policies.priority]
            high = { minutes = 525600 }
            [upgrades]
            notice_days_complex = 365
            """
        let config = try ConfigLoader.load(toml: toml)
        #expect(config.escalationMinutes[.urgent] == 525_600)
        #expect(config.policies["priority"]?.targets[.high]?.amount == 525_600)
    }
}
