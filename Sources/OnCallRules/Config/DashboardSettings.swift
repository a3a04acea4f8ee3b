/// Dashboard preferences.
public struct DashboardSettings: Codable, Sendable, Equatable {
    /// Ring the bell when a new emergency arrives or a page is missed.
    public var bell: Bool
    /// How often to poll the store for other processes' commits, in milliseconds.
    public var pollMilliseconds: Int

    public init(bell: Bool = true, pollMilliseconds: Int = 500) {
        self.bell = bell
        self.pollMilliseconds = pollMilliseconds
    }
}
