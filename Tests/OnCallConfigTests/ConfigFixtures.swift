import OnCallConfig
import OnCallRules
import TOMLKit
import Testing

/// Helpers shared by the config tests.
enum ConfigFixtures {
    /// The error loading `toml` gives; records an issue (and returns nil) when it is accepted or fails otherwise.
    static func refusal(
        _ toml: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> ConfigError? {
        do {
            _ = try ConfigLoader.load(toml: toml)
            Issue.record("accepted: \(toml)", sourceLocation: sourceLocation)
        } catch let error as ConfigError {
            return error
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The GitLab defaults with every value changed (same named entries), to prove a file sets each key.
    static func distorted() -> OnCallConfig {
        var config = OnCallConfig.gitlabDefaults
        config.me = "someone"
        config.engineers = ["x"]
        for (name, var schedule) in config.schedules {
            schedule.timeZone = "Asia/Tokyo"
            schedule.alwaysOpen.toggle()
            schedule.holidays = [.fixed(month: 2, day: 2)]
            schedule.week = Array(repeating: [OpenInterval(startMinute: 60, endMinute: 120)], count: 7)
            config.schedules[name] = schedule
        }
        func scramble(_ policy: SLAPolicy) -> SLAPolicy {
            var policy = policy
            policy.name += " (changed)"
            for priority in TicketPriority.allCases { policy.targets[priority] = SLATarget(minutes: 7, schedule: "calendar") }
            policy.unprioritized = SLATarget(minutes: 9, schedule: "us-federal")
            policy.all = [PolicyCondition(.tag, "distorted")]
            policy.any = [PolicyCondition(.form, "distorted", negated: true)]
            policy.regionSchedules = [.apac: "calendar"]
            return policy
        }
        config.policies = config.policies.mapValues(scramble)
        config.policyOrder = config.policyOrder.reversed()
        config.escalationSchedule = "us-federal"
        config.imports.zendeskStageField = 456
        config.risk = RiskThresholds(criticalMinutes: 1, warningMinutes: 2)
        config.escalationMinutes = config.escalationMinutes.mapValues { $0 + 1 }
        config.emergency = EmergencyTimings(
            managerMinutes: 1, seniorMinutes: 2, longRunningMinutes: 3,
            services: ["us-federal": ServicePageTiers(services: ["distorted"], managerMinutes: 1, seniorMinutes: 2)])
        config.alerts = AlertThresholds(activeEmergencies: 9, frtBuildUp: 99)
        config.upgrades = UpgradeThresholds(
            noticeDaysSimple: 1, noticeDaysComplex: 2, unassignedHours: 3, assigneeChangeHours: 4,
            supportHoursSchedule: "calendar")
        config.imports.zendeskPlanTags = config.imports.zendeskPlanTags.mapValues { _ in .free }
        config.imports.zendeskDefaultPlan = .free
        config.imports.zendeskRegionField = 123
        config.imports.pagerdutyTicketPattern = "(x)"
        config.imports.pagerdutyServices = ["s"]
        config.dashboard = DashboardSettings(
            bell: false, pollMilliseconds: 9, keys: ["acknowledge": ["A"], "handoff": ["h", "ctrl-o"]],
            theme: ThemeSettings(palette: "mono", roles: ["breach": "orange", "header": "white on 25"]))
        config.pagerduty = PagerDutySettings(
            eventsURL: "http://localhost:1/x", routingKeyEnv: "OTHER", impactedService: "a", assignTo: "b")
        return config
    }

    /// Every leaf key path of a TOML document (inline tables expanded, empty tables kept as leaves).
    static func keyPaths(of text: String) throws -> Set<String> {
        var paths = Set<String>()
        func walk(_ table: TOMLTable, _ prefix: String) {
            if table.keys.isEmpty, !prefix.isEmpty { paths.insert(prefix) }
            for key in table.keys {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let sub = table[key]?.table { walk(sub, path) } else { paths.insert(path) }
            }
        }
        walk(try TOMLTable(string: text), "")
        return paths
    }
}
