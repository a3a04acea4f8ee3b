import OnCallRules

extension ConfigLoader {
    /// `[emergency]`: the default missed-page tiers, and `[emergency.services.NAME]` per PagerDuty service.
    static func applyEmergency(_ node: ConfigNode, to timings: inout EmergencyTimings) throws {
        try node.checkKeys(["manager_minutes", "senior_minutes", "long_running_minutes", "services"])
        if let value = try node.int("manager_minutes", in: ConfigRange.minutes) { timings.managerMinutes = value }
        if let value = try node.int("senior_minutes", in: ConfigRange.minutes) { timings.seniorMinutes = value }
        if let value = try node.int("long_running_minutes", in: ConfigRange.minutes) {
            timings.longRunningMinutes = value
        }
        guard let services = try node.node("services") else { return }
        for name in services.keys {
            if isRemoval(services, name) {
                timings.services[name] = nil
                continue
            }
            guard let sub = try services.node(name) else { continue }
            timings.services[name] = try serviceTiers(sub, over: timings.services[name])
        }
    }

    private static func serviceTiers(_ node: ConfigNode, over base: ServicePageTiers?) throws -> ServicePageTiers {
        let keys = ["match", "manager_minutes", "senior_minutes"]
        try node.checkKeys(keys)
        if base == nil, let missing = keys.first(where: { node.raw($0) == nil }) {
            throw node.fail(missing, "missing (a new service override needs match, manager_minutes and senior_minutes)")
        }
        var tiers = base ?? ServicePageTiers(services: [], managerMinutes: 1, seniorMinutes: 1)
        if let match = try node.stringArray("match") {
            guard !match.isEmpty else {
                throw node.fail("match", "expected at least one PagerDuty service id or name, got []")
            }
            for (index, entry) in match.enumerated()
            where entry.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ConfigError(
                    keyPath: "\(node.childPath("match"))[\(index)]",
                    message: "expected a PagerDuty service id or name, got \"\(entry)\"")
            }
            tiers.services = match
        }
        if let value = try node.int("manager_minutes", in: ConfigRange.minutes) { tiers.managerMinutes = value }
        if let value = try node.int("senior_minutes", in: ConfigRange.minutes) { tiers.seniorMinutes = value }
        return tiers
    }

    /// The tiers in order, and each PagerDuty service in one override only (else which tiers apply is a guess).
    static func validateEmergency(_ timings: EmergencyTimings) throws {
        if timings.managerMinutes > timings.seniorMinutes {
            throw ConfigError(
                keyPath: "emergency.manager_minutes",
                message: "\(timings.managerMinutes) is more than emergency.senior_minutes (\(timings.seniorMinutes))")
        }
        var claimed: [String: String] = [:]  // lowercased service -> the override naming it
        for (name, tiers) in timings.services.sorted(by: { $0.key < $1.key }) {
            let path = "emergency.services.\(name)"
            if tiers.managerMinutes > tiers.seniorMinutes {
                throw ConfigError(
                    keyPath: "\(path).manager_minutes",
                    message: "\(tiers.managerMinutes) is more than \(path).senior_minutes (\(tiers.seniorMinutes))")
            }
            for (index, service) in tiers.services.enumerated() {
                if let other = claimed[service.lowercased()] {
                    throw ConfigError(
                        keyPath: "\(path).match[\(index)]",
                        message: "\"\(service)\" is already matched by emergency.services.\(other)")
                }
                claimed[service.lowercased()] = name
            }
        }
    }
}
