/// One open interval in a day, in minutes after local midnight (end exclusive, up to 1440).
public struct OpenInterval: Codable, Sendable, Equatable {
    public var startMinute: Int
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}
