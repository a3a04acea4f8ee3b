/// When the rules raise an alert.
public struct AlertThresholds: Codable, Sendable, Equatable {
    /// This many active emergencies at once: find additional staff.
    public var activeEmergencies: Int
    /// This many tickets waiting for a first reply: ping your region in #support_team-chat.
    public var frtBuildUp: Int

    public init(activeEmergencies: Int = 2, frtBuildUp: Int = 10) {
        self.activeEmergencies = activeEmergencies
        self.frtBuildUp = frtBuildUp
    }
}
