import Foundation
import OnCallRules
import TOMLKit

extension ConfigLoader {
    static func apply(_ root: ConfigNode, to config: inout OnCallConfig) throws {
        try root.checkKeys(topKeys)
        if let me = try root.string("me") { config.me = me.isEmpty ? nil : me }
        if let engineers = try root.stringArray("engineers") {
            if let index = engineers.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ConfigError(keyPath: "engineers[\(index)]", message: "expected a name, got \"\"")
            }
            config.engineers = engineers
        }
        if let node = try root.node("schedules") { try applySchedules(node, to: &config.schedules) }
        if let node = try root.node("policies") { try applyPolicies(node, to: &config) }
        if let order = try root.stringArray("policy_order") {
            var seen: Set<String> = []
            for (index, key) in order.enumerated() where !seen.insert(key).inserted {
                throw ConfigError(keyPath: "policy_order[\(index)]", message: "\"\(key)\" is listed twice")
            }
            config.policyOrder = order
        }
        if let name = try root.string("escalation_schedule") { config.escalationSchedule = name }
        if let node = try root.node("risk") {
            try node.checkKeys(["critical_minutes", "warning_minutes"])
            if let value = try node.int("critical_minutes", in: ConfigRange.minutes) { config.risk.criticalMinutes = value }
            if let value = try node.int("warning_minutes", in: ConfigRange.minutes) { config.risk.warningMinutes = value }
        }
        if let node = try root.node("escalation_minutes") {
            try node.checkKeys(Urgency.allCases.map(\.rawValue))
            for urgency in Urgency.allCases {
                if isRemoval(node, urgency.rawValue) {
                    config.escalationMinutes[urgency] = nil
                } else if let value = try node.int(urgency.rawValue, in: ConfigRange.minutes) {
                    config.escalationMinutes[urgency] = value
                }
            }
        }
        if let node = try root.node("emergency") { try applyEmergency(node, to: &config.emergency) }
        if let node = try root.node("alerts") {
            try node.checkKeys(["active_emergencies", "frt_build_up"])
            if let value = try node.int("active_emergencies", in: ConfigRange.count) { config.alerts.activeEmergencies = value }
            if let value = try node.int("frt_build_up", in: ConfigRange.count) { config.alerts.frtBuildUp = value }
        }
        if let node = try root.node("upgrades") { try applyUpgrades(node, to: &config.upgrades) }
        if let node = try root.node("imports") { try applyImports(node, to: &config.imports) }
        if let node = try root.node("dashboard") {
            try node.checkKeys(["bell", "poll_ms"])
            if let value = try node.bool("bell") { config.dashboard.bell = value }
            if let value = try node.int("poll_ms", in: ConfigRange.pollMilliseconds) { config.dashboard.pollMilliseconds = value }
        }
        if let node = try root.node("pagerduty") { try applyPagerDuty(node, to: &config.pagerduty) }
        if let node = try root.node("sources") { try applySources(node, to: &config.sources) }
        if let node = try root.node("people") { try applyPeople(node, to: &config.people) }
        if let node = try root.node("keys") { try applyKeys(node, to: &config.dashboard) }
        if let node = try root.node("theme") { try applyTheme(node, to: &config.dashboard) }
    }

    /// `"none"` in place of a table: the named entry is removed.
    static func isRemoval(_ node: ConfigNode, _ key: String) -> Bool {
        node.raw(key)?.string == ConfigText.none
    }

    // MARK: schedules

    private static func applySchedules(_ node: ConfigNode, to schedules: inout [String: BusinessSchedule]) throws {
        for name in node.keys {
            if isRemoval(node, name) {
                schedules[name] = nil
                continue
            }
            guard let sub = try node.node(name) else { continue }
            schedules[name] = try schedule(sub, over: schedules[name])
        }
    }

    private static func schedule(_ node: ConfigNode, over base: BusinessSchedule?) throws -> BusinessSchedule {
        try node.checkKeys(["time_zone", "always_open", "holidays", "dates"] + ConfigText.weekdays)
        var schedule = base ?? BusinessSchedule(timeZone: "", week: Array(repeating: [], count: 7))
        if let zone = try node.string("time_zone") {
            guard TimeZone(identifier: zone) != nil else {
                throw node.fail("time_zone", "unknown time zone \"\(zone)\" (expected an IANA name like Europe/Amsterdam)")
            }
            schedule.timeZone = zone
        } else if base == nil {
            throw node.fail("time_zone", "missing (a new schedule needs a time zone)")
        }
        if let open = try node.bool("always_open") { schedule.alwaysOpen = open }
        if let texts = try node.stringArray("holidays") {
            schedule.holidays = try texts.enumerated().map { index, text in
                guard let holiday = ConfigText.holiday(text) else {
                    throw ConfigError(
                        keyPath: "\(node.childPath("holidays"))[\(index)]",
                        message:
                            "expected \"easter\", \"easter+N\", \"easter-N\", a date \"MM-DD\" or \"YYYY-MM-DD\", "
                            + "or a range \"MM-DD..MM-DD\" / \"YYYY-MM-DD..YYYY-MM-DD\", got \"\(text)\"")
                }
                return holiday
            }
        }
        if let dates = try node.node("dates") {
            for key in dates.keys {
                guard let date = ConfigText.date(key) else {
                    throw dates.fail(key, "expected a date \"YYYY-MM-DD\" as the key")
                }
                if isRemoval(dates, key) {
                    schedule.dates[date.daysSinceEpoch] = nil
                    continue
                }
                guard let texts = try dates.stringArray(key) else { continue }
                schedule.dates[date.daysSinceEpoch] = try intervals(texts, at: dates.childPath(key))
            }
        }
        if schedule.week.count != 7 { schedule.week = Array(repeating: [], count: 7) }
        for (day, key) in ConfigText.weekdays.enumerated() {
            guard let texts = try node.stringArray(key) else { continue }
            schedule.week[day] = try intervals(texts, at: node.childPath(key))
        }
        // A week with no open hours is stored empty, as `BusinessSchedule.calendar` has it.
        if schedule.week.allSatisfy(\.isEmpty) { schedule.week = [] }
        guard schedule.alwaysOpen || !schedule.week.isEmpty || schedule.dates.values.contains(where: { !$0.isEmpty })
        else {
            throw ConfigError(
                keyPath: node.path, message: "never open: give it weekly hours (sun..sat) or always_open = true")
        }
        return schedule
    }

    private static func intervals(_ texts: [String], at path: String) throws -> [OpenInterval] {
        var result: [OpenInterval] = []
        for (index, text) in texts.enumerated() {
            let here = "\(path)[\(index)]"
            guard let interval = ConfigText.interval(text) else {
                throw ConfigError(
                    keyPath: here, message: "expected an interval \"HH:MM-HH:MM\" within 00:00-24:00, got \"\(text)\"")
            }
            guard interval.endMinute > interval.startMinute else {
                throw ConfigError(keyPath: here, message: "the end is not after the start in \"\(text)\"")
            }
            if let previous = result.last, interval.startMinute < previous.endMinute {
                throw ConfigError(
                    keyPath: here, message: "\"\(text)\" overlaps or comes before the previous interval (list them in order)")
            }
            result.append(interval)
        }
        return result
    }

    // MARK: policies

    private static func applyPolicies(_ node: ConfigNode, to config: inout OnCallConfig) throws {
        for key in node.keys {
            guard ConfigText.isPolicyKey(key) else {
                throw node.fail(key, "expected a policy key of letters, digits, '-' and '_'")
            }
            if isRemoval(node, key) {
                config.policies[key] = nil
                config.policyOrder.removeAll { $0 == key }
                continue
            }
            guard let sub = try node.node(key) else { continue }
            config.policies[key] = try policy(sub, over: config.policies[key], defaultName: key)
        }
    }

    private static func conditions(_ node: ConfigNode, _ key: String) throws -> [PolicyCondition]? {
        guard let texts = try node.stringArray(key) else { return nil }
        return try texts.enumerated().map { index, text in
            guard let condition = PolicyCondition(text: text) else {
                let fields = PolicyCondition.Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError(
                    keyPath: "\(node.childPath(key))[\(index)]",
                    message: "expected \"FIELD = VALUE\" or \"FIELD != VALUE\" with FIELD one of \(fields), got \"\(text)\"")
            }
            if condition.field == .plan && Plan(rawValue: condition.value) == nil {
                throw ConfigError(
                    keyPath: "\(node.childPath(key))[\(index)]",
                    message: "unknown plan \"\(condition.value)\" (expected one of: \(ConfigText.planNames))")
            }
            return condition
        }
    }

    private static func policy(_ node: ConfigNode, over base: SLAPolicy?, defaultName: String) throws -> SLAPolicy {
        let priorities = TicketPriority.allCases.map(\.rawValue)
        try node.checkKeys(["name", "all", "any"] + priorities + ["unprioritized", "region_schedules"])
        var policy = base ?? SLAPolicy(name: defaultName, targets: [:])
        if let name = try node.string("name") {
            guard !name.isEmpty else { throw node.fail("name", "expected a name, got \"\"") }
            policy.name = name
        }
        if let all = try conditions(node, "all") { policy.all = all }
        if let any = try conditions(node, "any") { policy.any = any }
        for priority in TicketPriority.allCases {
            guard node.raw(priority.rawValue) != nil else { continue }
            policy.targets[priority] = try target(node, priority.rawValue, over: policy.targets[priority])
        }
        if node.raw("unprioritized") != nil {
            policy.unprioritized = try target(node, "unprioritized", over: policy.unprioritized)
        }
        if let regions = try node.node("region_schedules") {
            try regions.checkKeys(Region.allCases.map(\.rawValue))
            for region in Region.allCases {
                if isRemoval(regions, region.rawValue) {
                    policy.regionSchedules[region] = nil
                } else if let name = try regions.string(region.rawValue) {
                    policy.regionSchedules[region] = name
                }
            }
        }
        return policy
    }

    /// A target table `{ minutes | seconds | days = N, schedule }` (either part alone changes the base's), or
    /// `"none"` for no target.
    private static func target(_ node: ConfigNode, _ key: String, over base: SLATarget?) throws -> SLATarget? {
        if isRemoval(node, key) { return nil }
        guard let value = node.raw(key), let table = value.table else {
            let got = node.raw(key).map(ConfigNode.describe) ?? "nothing"
            throw node.fail(
                key,
                "expected a table { minutes = N, schedule = \"NAME\" } (or seconds = N, days = N) or \"none\", got \(got)")
        }
        let sub = ConfigNode(table: table, path: node.childPath(key))
        let units = SLATargetUnit.allCases.map(\.rawValue)
        try sub.checkKeys(units + ["schedule"])
        let given = units.filter { sub.raw($0) != nil }
        if given.count > 1 {
            throw sub.fail(given[1], "give one of \(units.joined(separator: ", ")), not both \(given[0]) and \(given[1])")
        }
        var amount = base.map { ($0.amount, $0.unit) }
        if let unitName = given.first, let unit = SLATargetUnit(rawValue: unitName), let value = try sub.int(unitName, in: ConfigRange.target(unit)) {
            amount = (value, unit)
        }
        let schedule = try sub.string("schedule") ?? base?.schedule
        guard let amount else {
            throw sub.fail("minutes", "missing (a new target needs minutes, seconds or days, and schedule)")
        }
        guard let schedule else { throw sub.fail("schedule", "missing (a new target needs minutes and schedule)") }
        return SLATarget(amount: amount.0, unit: amount.1, schedule: schedule)
    }

    // MARK: upgrades, imports, pagerduty

    private static func applyUpgrades(_ node: ConfigNode, to upgrades: inout UpgradeThresholds) throws {
        try node.checkKeys([
            "notice_days_simple", "notice_days_complex", "unassigned_hours", "assignee_change_hours",
            "support_hours_schedule",
        ])
        if let value = try node.int("notice_days_simple", in: ConfigRange.days) { upgrades.noticeDaysSimple = value }
        if let value = try node.int("notice_days_complex", in: ConfigRange.days) { upgrades.noticeDaysComplex = value }
        if let value = try node.int("unassigned_hours", in: ConfigRange.hours) { upgrades.unassignedHours = value }
        if let value = try node.int("assignee_change_hours", in: ConfigRange.hours) { upgrades.assigneeChangeHours = value }
        if let value = try node.string("support_hours_schedule") { upgrades.supportHoursSchedule = value }
    }

    private static func plan(_ node: ConfigNode, _ key: String) throws -> Plan? {
        guard let text = try node.string(key) else { return nil }
        guard let plan = Plan(rawValue: text) else {
            throw node.fail(key, "unknown plan \"\(text)\" (expected one of: \(ConfigText.planNames))")
        }
        return plan
    }

    private static func applyImports(_ node: ConfigNode, to imports: inout ImportSettings) throws {
        try node.checkKeys([
            "zendesk_plan_tags", "zendesk_plan_forms", "zendesk_default_plan", "zendesk_region_field",
            "zendesk_forms", "zendesk_stage_field", "pagerduty_ticket_pattern", "pagerduty_services",
            "zendesk_pending_replied",
        ])
        if let forms = try node.node("zendesk_forms") {
            for key in forms.keys {
                guard let id = Int64(key), id > 0 else {
                    throw forms.fail(key, "expected a Zendesk ticket form id (a positive integer) as the key")
                }
                if isRemoval(forms, key) {
                    imports.zendeskForms[id] = nil
                } else if let name = try forms.string(key) {
                    guard !name.isEmpty else { throw forms.fail(key, "expected a form name, got \"\"") }
                    imports.zendeskForms[id] = name
                }
            }
        }
        if let value = node.raw("zendesk_stage_field") {
            if value.string == ConfigText.none {
                imports.zendeskStageField = nil
            } else if let id = value.int, id > 0 {
                imports.zendeskStageField = Int64(id)
            } else {
                throw node.fail(
                    "zendesk_stage_field",
                    "expected a custom field id (a positive integer) or \"none\", got \(ConfigNode.describe(value))")
            }
        }
        if let tags = try node.node("zendesk_plan_tags") {
            for tag in tags.keys {
                imports.zendeskPlanTags[tag] = isRemoval(tags, tag) ? nil : try plan(tags, tag)
            }
        }
        if let forms = try node.node("zendesk_plan_forms") {
            for key in forms.keys {
                guard let id = Int64(key), id > 0 else {
                    throw forms.fail(key, "expected a Zendesk ticket form id (a positive integer) as the key")
                }
                imports.zendeskPlanForms[id] = isRemoval(forms, key) ? nil : try plan(forms, key)
            }
        }
        if let value = try plan(node, "zendesk_default_plan") { imports.zendeskDefaultPlan = value }
        if let value = node.raw("zendesk_region_field") {
            if value.string == ConfigText.none {
                imports.zendeskRegionField = nil
            } else if let id = value.int, id > 0 {
                imports.zendeskRegionField = Int64(id)
            } else {
                throw node.fail(
                    "zendesk_region_field",
                    "expected a custom field id (a positive integer) or \"none\", got \(ConfigNode.describe(value))")
            }
        }
        if let pattern = try node.string("pagerduty_ticket_pattern") {
            let regex: NSRegularExpression
            do {
                regex = try NSRegularExpression(pattern: pattern)
            } catch {
                throw node.fail("pagerduty_ticket_pattern", "not a valid regular expression: \"\(pattern)\"")
            }
            guard regex.numberOfCaptureGroups >= 1 else {
                throw node.fail(
                    "pagerduty_ticket_pattern", "needs a capture group around the ticket number: \"\(pattern)\"")
            }
            imports.pagerdutyTicketPattern = pattern
        }
        if let services = try node.stringArray("pagerduty_services") { imports.pagerdutyServices = services }
        if let replied = try node.bool("zendesk_pending_replied") { imports.zendeskPendingReplied = replied }
    }

    private static func applyPagerDuty(_ node: ConfigNode, to settings: inout PagerDutySettings) throws {
        try node.checkKeys(["events_url", "routing_key_env", "impacted_service", "assign_to"])
        if let text = try node.string("events_url") {
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                url.host != nil
            else {
                throw node.fail("events_url", "expected an http(s) URL, got \"\(text)\"")
            }
            settings.eventsURL = text
        }
        if let name = try node.string("routing_key_env") {
            // The key itself must never be in the file: only the name of the variable that holds it.
            let valid = !name.isEmpty && !(name.first?.isNumber ?? true)
                && name.unicodeScalars.allSatisfy {
                    ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
            let looksLikeKey = name.count == 32 && name.allSatisfy(\.isHexDigit) && name.contains(where: \.isNumber)
            guard valid, !looksLikeKey else {
                throw node.fail(
                    "routing_key_env",
                    "expected the NAME of an environment variable (letters, digits, _), not the key, got \"\(name)\"")
            }
            settings.routingKeyEnv = name
        }
        if let value = try node.string("impacted_service") { settings.impactedService = value }
        if let value = try node.string("assign_to") { settings.assignTo = value }
    }
}
