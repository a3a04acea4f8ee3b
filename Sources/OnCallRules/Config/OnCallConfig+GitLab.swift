/// GitLab Support's values (DOMAIN.md §1-§8), the shipped defaults. `Resources/config.toml` documents the
/// same values key by key; a test keeps the two equal.
extension OnCallConfig {
    /// The 24x5 Global Support Hours: Sunday 15:00 to Friday 17:00 Pacific, stopped on the SLA holidays.
    public static let gitlabBusinessHours = BusinessSchedule(
        timeZone: "America/Los_Angeles",
        week: [
            [OpenInterval(startMinute: 15 * 60, endMinute: 1440)],
            [OpenInterval(startMinute: 0, endMinute: 1440)],
            [OpenInterval(startMinute: 0, endMinute: 1440)],
            [OpenInterval(startMinute: 0, endMinute: 1440)],
            [OpenInterval(startMinute: 0, endMinute: 1440)],
            [OpenInterval(startMinute: 0, endMinute: 17 * 60)],
            [],
        ],
        holidays: [.easterSunday, .fixed(month: 12, day: 25), .fixed(month: 1, day: 1)]
    )

    /// US Federal business hours: Monday to Friday 05:00-17:00 Pacific (the 2025 US Government Support page;
    /// the older Zendesk schedule says 06:00-18:00, DOMAIN.md §0), same holidays.
    public static let gitlabUSFederalHours = weekdays(5 * 60, 17 * 60, in: "America/Los_Angeles")

    /// Monday to Friday `open`-`close` (minutes) in `zone`, stopped on the SLA holidays: the regional schedules.
    static func weekdays(_ open: Int, _ close: Int, in zone: String) -> BusinessSchedule {
        let day = [OpenInterval(startMinute: open, endMinute: close)]
        return BusinessSchedule(
            timeZone: zone, week: [[], day, day, day, day, day, []],
            holidays: [.easterSunday, .fixed(month: 12, day: 25), .fixed(month: 1, day: 1)])
    }

    /// Regional hours (DOMAIN.md §2, [ZD-SCHED]): EMEA 08:00-18:00 Amsterdam, AMER 05:00-17:00 Pacific, APAC
    /// 09:00-21:00 Brisbane, Monday to Friday.
    public static let gitlabRegionalHours: [String: BusinessSchedule] = [
        "emea": weekdays(8 * 60, 18 * 60, in: "Europe/Amsterdam"),
        "amer": weekdays(5 * 60, 17 * 60, in: "America/Los_Angeles"),
        "apac": weekdays(9 * 60, 21 * 60, in: "Australia/Brisbane"),
    ]

    private static func all(_ minutes: Int, on schedule: String) -> [TicketPriority: SLATarget] {
        Dictionary(uniqueKeysWithValues: TicketPriority.allCases.map { ($0, SLATarget(minutes: minutes, schedule: schedule)) })
    }

    /// Targets by priority (urgent, high, normal, low), all counted on one schedule.
    private static func tiered(
        _ urgent: Int, _ high: Int, _ normal: Int, _ low: Int, on schedule: String
    ) -> [TicketPriority: SLATarget] {
        [
            .urgent: SLATarget(minutes: urgent, schedule: schedule),
            .high: SLATarget(minutes: high, schedule: schedule),
            .normal: SLATarget(minutes: normal, schedule: schedule),
            .low: SLATarget(minutes: low, schedule: schedule),
        ]
    }

    /// GitLab's Zendesk SLA policies in Zendesk's order (DOMAIN.md §0, §1.3, §1.4): the first that matches wins.
    public static let gitlabPolicyOrder = [
        "emergency", "us-federal-licensing", "us-federal", "priority", "standard", "needs_org", "licensing",
        "consumption", "billing", "other-forms", "free", "unknown",
    ]

    static func condition(_ text: String) -> PolicyCondition { PolicyCondition(text: text)! }

    /// GitLab's policies by key (DOMAIN.md §1.3, §1.4).
    public static let gitlabPolicies: [String: SLAPolicy] = [
        "emergency": SLAPolicy(
            name: "Emergency Support", all: [condition("form = emergencies")], targets: all(30, on: "calendar"),
            unprioritized: SLATarget(minutes: 30, schedule: "calendar")),
        "us-federal-licensing": SLAPolicy(
            name: "US Federal L&R", all: [condition("plan = us-federal"), condition("form = licensing")],
            targets: all(8 * 60, on: "us-federal"), unprioritized: SLATarget(minutes: 8 * 60, schedule: "us-federal")),
        "us-federal": SLAPolicy(
            name: "US Federal", all: [condition("plan = us-federal")],
            targets: [
                .urgent: SLATarget(minutes: 30, schedule: "calendar"),
                .high: SLATarget(minutes: 4 * 60, schedule: "calendar"),
                .normal: SLATarget(minutes: 8 * 60, schedule: "us-federal"),
                .low: SLATarget(minutes: 12 * 60, schedule: "us-federal"),
            ],
            unprioritized: SLATarget(minutes: 8 * 60, schedule: "us-federal")),
        "priority": SLAPolicy(
            name: "Priority Support",
            all: [
                condition("plan = priority"), condition("stage != needs-org"), condition("stage != needs-triage"),
                condition("form != licensing"), condition("form != billing"),
            ],
            targets: tiered(30, 4 * 60, 8 * 60, 24 * 60, on: "business"),
            unprioritized: SLATarget(minutes: 8 * 60, schedule: "business")),
        "standard": SLAPolicy(
            name: "Standard", all: [condition("plan = standard")], targets: all(24 * 60, on: "business"),
            unprioritized: SLATarget(minutes: 24 * 60, schedule: "business")),
        "needs_org": SLAPolicy(
            name: "Needs Org",
            any: [condition("stage = needs-org"), condition("stage = needs-triage"), condition("tag = missing_sla_tag")],
            targets: all(30, on: "business"), unprioritized: SLATarget(minutes: 30, schedule: "business")),
        "licensing": SLAPolicy(
            name: "Licensing & Renewals", any: [condition("form = licensing"), condition("plan = licensing")],
            targets: all(8 * 60, on: "business"), unprioritized: SLATarget(minutes: 8 * 60, schedule: "business")),
        "consumption": SLAPolicy(
            name: "Consumption Support", all: [condition("tag = consumption_only")],
            targets: all(12 * 60, on: "business"), unprioritized: SLATarget(minutes: 12 * 60, schedule: "business")),
        "billing": SLAPolicy(
            name: "Billing", all: [condition("form = billing")],
            targets: tiered(4 * 60, 16 * 60, 24 * 60, 36 * 60, on: "business"),
            unprioritized: SLATarget(minutes: 24 * 60, schedule: "business")),
        "other-forms": SLAPolicy(
            name: "Other forms",
            any: [
                condition("form = support-ops"), condition("form = support-managers"), condition("form = security"),
                condition("form = jihu"), condition("form = partner"),
            ],
            targets: all(24 * 60, on: "business"), unprioritized: SLATarget(minutes: 24 * 60, schedule: "business")),
        "free": SLAPolicy(name: "Free", all: [condition("plan = free")], targets: [:], unprioritized: nil),
        "unknown": SLAPolicy(
            name: "Standard", all: [condition("plan = unknown")], targets: all(24 * 60, on: "business"),
            unprioritized: SLATarget(minutes: 24 * 60, schedule: "business")),
    ]

    /// GitLab's defaults.
    public static let gitlabDefaults = OnCallConfig(
        me: nil,
        schedules: ["business": gitlabBusinessHours, "us-federal": gitlabUSFederalHours, "calendar": .calendar]
            .merging(gitlabRegionalHours) { a, _ in a },
        policies: gitlabPolicies,
        policyOrder: gitlabPolicyOrder,
        risk: RiskThresholds(criticalMinutes: 30, warningMinutes: 120),
        escalationMinutes: [.urgent: 30, .timely: 60, .notUrgent: 120, .unknown: 120],
        escalationSchedule: "business",
        emergency: EmergencyTimings(
            managerMinutes: 10, seniorMinutes: 15, longRunningMinutes: 180,
            // US Federal Customer Emergency Rotation: 15 min to Support Manager - AMER, 20 more to leadership
            // (DOMAIN.md §0, §1.4, [PD]: service "Customer Support - US Federal", P8K2XHK).
            services: [
                "us-federal": ServicePageTiers(
                    services: ["P8K2XHK", "Customer Support - US Federal"], managerMinutes: 15, seniorMinutes: 35)
            ]),
        alerts: AlertThresholds(activeEmergencies: 2, frtBuildUp: 10),
        upgrades: UpgradeThresholds(),
        imports: ImportSettings(
            zendeskPlanTags: [
                "premium": .priority, "ultimate": .priority, "gold": .priority, "silver": .priority,
                "priority_prospect": .priority, "bronze": .standard, "starter": .standard,
            ],
            zendeskPlanForms: [:],
            zendeskDefaultPlan: .standard,
            zendeskRegionField: nil,
            pagerdutyTicketPattern: "(?:^|[^0-9])([0-9]{5,10})(?:[^0-9]|$)",
            pagerdutyServices: []
        ),
        dashboard: DashboardSettings(bell: true, pollMilliseconds: 500),
        pagerduty: PagerDutySettings(),
        engineers: []
    )
}
