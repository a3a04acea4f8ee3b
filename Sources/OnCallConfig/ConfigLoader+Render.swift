import OnCallRules

extension ConfigLoader {
    /// The effective configuration as TOML that `load` reads back to the same value (over `base`: named
    /// entries of `base` that `config` lacks are written as `"none"` so they are removed again).
    public static func render(_ config: OnCallConfig, relativeTo base: OnCallConfig = .gitlabDefaults) -> String {
        var out: [String] = ["# oncall: effective configuration (see Resources/config.toml for what each key means)"]
        out.append("me = \(ConfigText.quote(config.me ?? ""))")
        out.append("engineers = \(list(config.engineers))")
        out.append("policy_order = \(list(config.policyOrder))")
        out.append("escalation_schedule = \(ConfigText.quote(config.escalationSchedule))")

        let removedSchedules = base.schedules.keys.filter { config.schedules[$0] == nil }.sorted()
        if !removedSchedules.isEmpty {
            out.append("\n[schedules]")
            out += removedSchedules.map { "\(ConfigText.key($0)) = \(ConfigText.quote(ConfigText.none))" }
        }
        for (name, schedule) in config.schedules.sorted(by: { $0.key < $1.key }) {
            out.append("\n[schedules.\(ConfigText.key(name))]")
            out.append("time_zone = \(ConfigText.quote(schedule.timeZone))")
            out.append("always_open = \(schedule.alwaysOpen)")
            out.append("holidays = \(list(schedule.holidays.map(ConfigText.render)))")
            for (day, key) in ConfigText.weekdays.enumerated() {
                let intervals = day < schedule.week.count ? schedule.week[day] : []
                out.append("\(key) = \(list(intervals.map(ConfigText.render)))")
            }
            if !schedule.dates.isEmpty {
                out.append("\n[schedules.\(ConfigText.key(name)).dates]")
                for (date, intervals) in schedule.dates.sorted(by: { $0.key < $1.key }) {
                    let key = ConfigText.render(CivilDate(daysSinceEpoch: date))
                    out.append("\(ConfigText.quote(key)) = \(list(intervals.map(ConfigText.render)))")
                }
            }
        }

        let removedPolicies = base.policies.keys.filter { config.policies[$0] == nil }.sorted()
        if !removedPolicies.isEmpty {
            out.append("\n[policies]")
            out += removedPolicies.map { "\(ConfigText.key($0)) = \(ConfigText.quote(ConfigText.none))" }
        }
        let ordered = config.policyOrder.compactMap { key in config.policies[key].map { (key, $0) } }
        let unordered = config.policies.filter { !config.policyOrder.contains($0.key) }.sorted { $0.key < $1.key }
        for (name, policy) in ordered + unordered {
            out.append("\n[policies.\(ConfigText.key(name))]")
            out.append("name = \(ConfigText.quote(policy.name))")
            out.append("all = \(list(policy.all.map(\.text)))")
            out.append("any = \(list(policy.any.map(\.text)))")
            for priority in TicketPriority.allCases {
                out.append("\(priority.rawValue) = \(target(policy.targets[priority]))")
            }
            out.append("unprioritized = \(target(policy.unprioritized))")
            let regions = Region.allCases.map { region in
                "\(region.rawValue) = \(ConfigText.quote(policy.regionSchedules[region] ?? ConfigText.none))"
            }
            out.append("region_schedules = { \(regions.joined(separator: ", ")) }")
        }

        out.append("\n[risk]")
        out.append("critical_minutes = \(config.risk.criticalMinutes)")
        out.append("warning_minutes = \(config.risk.warningMinutes)")
        out.append("\n[escalation_minutes]")
        for urgency in Urgency.allCases {
            let minutes = config.escalationMinutes[urgency].map(String.init) ?? ConfigText.quote(ConfigText.none)
            out.append("\(urgency.rawValue) = \(minutes)")
        }
        out.append("\n[emergency]")
        out.append("manager_minutes = \(config.emergency.managerMinutes)")
        out.append("senior_minutes = \(config.emergency.seniorMinutes)")
        out.append("long_running_minutes = \(config.emergency.longRunningMinutes)")
        let removedServices = base.emergency.services.keys.filter { config.emergency.services[$0] == nil }.sorted()
        if !removedServices.isEmpty {
            out.append("\n[emergency.services]")
            out += removedServices.map { "\(ConfigText.key($0)) = \(ConfigText.quote(ConfigText.none))" }
        }
        for (name, tiers) in config.emergency.services.sorted(by: { $0.key < $1.key }) {
            out.append("\n[emergency.services.\(ConfigText.key(name))]")
            out.append("match = \(list(tiers.services))")
            out.append("manager_minutes = \(tiers.managerMinutes)")
            out.append("senior_minutes = \(tiers.seniorMinutes)")
        }
        out.append("\n[alerts]")
        out.append("active_emergencies = \(config.alerts.activeEmergencies)")
        out.append("frt_build_up = \(config.alerts.frtBuildUp)")
        out.append("\n[upgrades]")
        out.append("notice_days_simple = \(config.upgrades.noticeDaysSimple)")
        out.append("notice_days_complex = \(config.upgrades.noticeDaysComplex)")
        out.append("unassigned_hours = \(config.upgrades.unassignedHours)")
        out.append("assignee_change_hours = \(config.upgrades.assigneeChangeHours)")
        out.append("support_hours_schedule = \(ConfigText.quote(config.upgrades.supportHoursSchedule))")

        let imports = config.imports
        out.append("\n[imports]")
        out.append("zendesk_default_plan = \(ConfigText.quote(imports.zendeskDefaultPlan.rawValue))")
        out.append("zendesk_region_field = \(imports.zendeskRegionField.map(String.init) ?? ConfigText.quote(ConfigText.none))")
        out.append(
            "zendesk_stage_field = \(imports.zendeskStageField.map(String.init) ?? ConfigText.quote(ConfigText.none))")
        out.append("pagerduty_ticket_pattern = \(ConfigText.quote(imports.pagerdutyTicketPattern))")
        out.append("pagerduty_services = \(list(imports.pagerdutyServices))")
        out.append("zendesk_pending_replied = \(imports.zendeskPendingReplied)")
        out.append("\n[imports.zendesk_plan_tags]")
        var tags = imports.zendeskPlanTags.mapValues(\.rawValue)
        for tag in base.imports.zendeskPlanTags.keys where tags[tag] == nil { tags[tag] = ConfigText.none }
        out += tags.sorted { $0.key < $1.key }.map { "\(ConfigText.key($0.key)) = \(ConfigText.quote($0.value))" }
        out.append("\n[imports.zendesk_plan_forms]")
        var forms = imports.zendeskPlanForms.mapValues(\.rawValue)
        for form in base.imports.zendeskPlanForms.keys where forms[form] == nil { forms[form] = ConfigText.none }
        out += forms.sorted { $0.key < $1.key }.map { "\(ConfigText.quote(String($0.key))) = \(ConfigText.quote($0.value))" }

        out.append("\n[imports.zendesk_forms]")
        var formNames = imports.zendeskForms
            .map { (ConfigText.quote(String($0.key)), ConfigText.quote($0.value)) }
        for form in base.imports.zendeskForms.keys where imports.zendeskForms[form] == nil {
            formNames.append((ConfigText.quote(String(form)), ConfigText.quote(ConfigText.none)))
        }
        out += formNames.sorted { $0.0 < $1.0 }.map { "\($0.0) = \($0.1)" }

        out.append("\n[dashboard]")
        out.append("bell = \(config.dashboard.bell)")
        out.append("poll_ms = \(config.dashboard.pollMilliseconds)")
        out.append("\n[pagerduty]")
        out.append("events_url = \(ConfigText.quote(config.pagerduty.eventsURL))")
        out.append("routing_key_env = \(ConfigText.quote(config.pagerduty.routingKeyEnv))")
        out.append("impacted_service = \(ConfigText.quote(config.pagerduty.impactedService))")
        out.append("assign_to = \(ConfigText.quote(config.pagerduty.assignTo))")
        out += renderSources(config.sources, people: config.people)
        out += renderDashboard(config.dashboard)
        return out.joined(separator: "\n") + "\n"
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(ConfigText.quote).joined(separator: ", ") + "]"
    }

    private static func target(_ target: SLATarget?) -> String {
        guard let target else { return ConfigText.quote(ConfigText.none) }
        return "{ \(target.unit.rawValue) = \(target.amount), schedule = \(ConfigText.quote(target.schedule)) }"
    }
}
