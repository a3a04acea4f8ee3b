import ArgumentParser
import OnCallRules

// Enums as option values; `unknown` is for imported data only, never typed by a person.

extension TicketPriority: ExpressibleByArgument {}

extension Plan: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument != Plan.unknown.rawValue else { return nil }
        self.init(rawValue: argument)
    }
    public static var allValueStrings: [String] { allCases.filter { $0 != .unknown }.map(\.rawValue) }
}

extension Region: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension Urgency: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument != Urgency.unknown.rawValue else { return nil }
        self.init(rawValue: argument)
    }
    public static var allValueStrings: [String] { allCases.filter { $0 != .unknown }.map(\.rawValue) }
}
