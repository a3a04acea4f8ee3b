import Foundation

/// A notice the manager must keep in view, such as a security incident.
public struct Notice: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var kind: String
    public var title: String
    public var cmoc: String?
    public var link: String?
    public var since: Date
    public var clearedAt: Date?
    public var clearedBy: String?
    public var revision: Int

    public init(
        id: Int64, kind: String = "security", title: String, cmoc: String? = nil, link: String? = nil,
        since: Date, clearedAt: Date? = nil, clearedBy: String? = nil, revision: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.cmoc = cmoc
        self.link = link
        self.since = since
        self.clearedAt = clearedAt
        self.clearedBy = clearedBy
        self.revision = revision
    }

    public var isActive: Bool { clearedAt == nil }
}
