import Foundation

/// A manager on call for an interval: a regular shift, or a cover for part of someone's shift.
public struct RotaEntry: Codable, Sendable, Equatable, Identifiable {
    /// What kind of rota entry this is.
    public enum Kind: String, Codable, Sendable { case shift, cover }

    public var id: Int64
    public var name: String
    public var region: Region?
    public var start: Date
    public var end: Date
    public var kind: Kind
    /// For a cover: whose shift is covered (nil = whoever is on call then).
    public var covering: String?
    public var note: String?
    /// Where it came from: `manual`, `import:pagerduty`.
    public var source: String

    public init(
        id: Int64, name: String, region: Region?, start: Date, end: Date, kind: Kind = .shift,
        covering: String? = nil, note: String? = nil, source: String = "manual"
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.start = start
        self.end = end
        self.kind = kind
        self.covering = covering
        self.note = note
        self.source = source
    }
}
