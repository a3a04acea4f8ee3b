/// The missed-page tiers of one PagerDuty service's escalation policy, which differ from the default
/// Customer Emergency Rotation's (US Federal: 15 min to the AMER manager, 20 more to leadership, DOMAIN.md §1.4).
public struct ServicePageTiers: Codable, Sendable, Equatable {
    /// The PagerDuty service ids (`P8K2XHK`, exact) or names (`Customer Support - US Federal`, any case) paged
    /// on this policy.
    public var services: [String]
    /// Still triggered this long after paging: the manager tier is paged.
    public var managerMinutes: Int
    /// Still triggered this long after paging: the senior (leadership) tier is paged.
    public var seniorMinutes: Int

    public init(services: [String], managerMinutes: Int, seniorMinutes: Int) {
        self.services = services
        self.managerMinutes = managerMinutes
        self.seniorMinutes = seniorMinutes
    }

    /// Whether an emergency paged on this service (by id or name) uses these tiers.
    public func matches(serviceId: String?, serviceName: String?) -> Bool {
        services.contains { entry in
            entry == serviceId || (serviceName.map { entry.caseInsensitiveCompare($0) == .orderedSame } ?? false)
        }
    }
}
