import Foundation
import OnCallRules

/// Writes vendor payload files with N synthetic items in the real formats (FORMATS.md), streaming to a file
/// handle, for the import benchmark. 2% of the items are open (waiting / active), as in the large store.
public enum SyntheticExport {
    /// The Zendesk subdomain used in URLs.
    public static let zendeskSubdomain = "gitlab-synthetic"
    /// The custom field carrying the preferred region.
    public static let zendeskRegionFieldId: Int64 = 360_020_000_001
    /// The ticket form id used for Licensing & Renewals tickets.
    public static let zendeskLicensingFormId: Int64 = 360_000_000_777

    /// How many of `count` items are open: 2%, at least one when there are any.
    static func openCount(_ count: Int) -> Int { count == 0 ? 0 : max(1, count / 50) }

    static func spec(tickets: Int = 0, escalations: Int = 0, emergencies: Int = 0) -> SyntheticSpec {
        SyntheticSpec(
            tickets: tickets, waitingTickets: openCount(tickets), escalations: escalations,
            openEscalations: openCount(escalations), emergencies: emergencies,
            activeEmergencies: openCount(emergencies))
    }

    static let organizationIds: [String: Int64] = Dictionary(
        uniqueKeysWithValues: SyntheticVocabulary.organizations.enumerated().map { ($1, 360_000_100_000 + Int64($0)) })
    static let userIds: [String: Int64] = Dictionary(
        uniqueKeysWithValues: (SyntheticVocabulary.engineers + SyntheticVocabulary.managers).enumerated().map {
            ($1, 6_130_900_000_000 + Int64($0))
        })

    /// A stable opaque id (`Q` + 13 characters) for item `index` of `stream`.
    static func opaqueId(seed: UInt64, stream: UInt64, index: Int, length: Int = 13) -> String {
        var rng = SplitMix64(seed: seed, stream: stream, index: index)
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
        return "Q" + String((0..<length).map { _ in alphabet[rng.below(alphabet.count)] })
    }

    static func hex(seed: UInt64, stream: UInt64, index: Int) -> String {
        var rng = SplitMix64(seed: seed, stream: stream, index: index)
        return (0..<2).map { _ in
            let s = String(rng.next(), radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }
}
