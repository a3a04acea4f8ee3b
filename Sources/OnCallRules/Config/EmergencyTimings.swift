/// Missed-page and long-running thresholds for emergencies (DOMAIN.md §4), with per-service overrides.
public struct EmergencyTimings: Codable, Sendable, Equatable {
    /// Still triggered this long after paging: the manager on call is the next tier.
    public var managerMinutes: Int
    /// Still triggered this long after paging: senior managers are paged.
    public var seniorMinutes: Int
    /// Running longer than this: consider an account escalation.
    public var longRunningMinutes: Int
    /// Per PagerDuty service (by config name, `emergency.services.NAME`): its escalation policy's tiers.
    public var services: [String: ServicePageTiers]

    public init(
        managerMinutes: Int = 10, seniorMinutes: Int = 15, longRunningMinutes: Int = 180,
        services: [String: ServicePageTiers] = [:]
    ) {
        self.managerMinutes = managerMinutes
        self.seniorMinutes = seniorMinutes
        self.longRunningMinutes = longRunningMinutes
        self.services = services
    }

    /// The tiers an emergency is escalated on: those of the override naming its service (the first by config
    /// name; the config refuses a service named by two), else the default Customer Emergency Rotation's.
    public func tiers(for emergency: Emergency) -> PageTiers {
        tiers(serviceId: emergency.serviceId, serviceName: emergency.serviceName)
    }

    /// The tiers for a PagerDuty service given by id and/or name.
    public func tiers(serviceId: String?, serviceName: String?) -> PageTiers {
        if serviceId != nil || serviceName != nil {
            for (name, override) in services.sorted(by: { $0.key < $1.key })
            where override.matches(serviceId: serviceId, serviceName: serviceName) {
                return PageTiers(
                    managerMinutes: override.managerMinutes, seniorMinutes: override.seniorMinutes, override: name)
            }
        }
        return PageTiers(managerMinutes: managerMinutes, seniorMinutes: seniorMinutes, override: nil)
    }
}

/// The missed-page tiers that apply to one emergency.
public struct PageTiers: Sendable, Equatable {
    /// Minutes after paging that the manager tier is paged.
    public var managerMinutes: Int
    /// Minutes after paging that the senior tier is paged.
    public var seniorMinutes: Int
    /// The `emergency.services` entry they come from; nil = the `[emergency]` defaults.
    public var override: String?

    public init(managerMinutes: Int, seniorMinutes: Int, override: String?) {
        self.managerMinutes = managerMinutes
        self.seniorMinutes = seniorMinutes
        self.override = override
    }

    /// `manager after 15m, senior after 35m (emergency.services.us-federal)`.
    public var text: String {
        "manager after \(Countdown.compact(managerMinutes)), senior after \(Countdown.compact(seniorMinutes)) ("
            + (override.map { "emergency.services.\($0)" } ?? "emergency defaults") + ")"
    }
}
