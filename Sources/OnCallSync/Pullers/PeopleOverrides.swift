import OnCallRules
import OnCallStore

/// `[people."Full Name"]`: what the config says about a person wins over what a vendor showed.
enum PeopleOverrides {
    static func apply(_ overrides: [String: PersonOverride], to person: PulledPerson) -> PulledPerson {
        guard let o = overrides[person.name] else { return person }
        var p = person
        if !o.email.isEmpty { p.email = o.email }
        if !o.pagerdutyId.isEmpty { p.pagerdutyId = o.pagerdutyId }
        if !o.gitlabUsername.isEmpty { p.gitlabUsername = o.gitlabUsername }
        if o.gitlabId != 0 { p.gitlabId = o.gitlabId }
        if !o.slackId.isEmpty { p.slackId = o.slackId }
        return p
    }

    /// Every overridden person as a directory row (written once per process, before the first pull).
    static func rows(_ overrides: [String: PersonOverride]) -> [PulledPerson] {
        overrides.keys.sorted().map { apply(overrides, to: PulledPerson(name: $0)) }
    }
}
