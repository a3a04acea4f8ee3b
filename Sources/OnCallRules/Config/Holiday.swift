/// A day the business clock stops: a fixed date every year, or Easter Sunday (computed).
public enum Holiday: Codable, Sendable, Equatable {
    case fixed(month: Int, day: Int)
    case easterSunday
}
