import Foundation

/// One hand-off of an emergency's lead from one manager to another.
public struct Handoff: Codable, Sendable, Equatable {
    public var from: String?
    public var to: String
    public var at: Date
    public var note: String

    public init(from: String?, to: String, at: Date, note: String) {
        self.from = from
        self.to = to
        self.at = at
        self.note = note
    }
}
