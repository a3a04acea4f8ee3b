/// What one pull of one source did, summed over its pages.
public struct PullTally: Sendable, Equatable, Codable {
    public var pages = 0
    public var read = 0
    public var new = 0
    public var updated = 0
    public var unchanged = 0

    public init() {}

    /// Something landed in the store (a new or changed record).
    public var changedSomething: Bool { new > 0 || updated > 0 }

    /// "3 pages, 212 read, 4 new, 9 updated, 199 unchanged"
    public var line: String {
        "\(pages) page\(pages == 1 ? "" : "s"), \(read) read, \(new) new, \(updated) updated, \(unchanged) unchanged"
    }
}
