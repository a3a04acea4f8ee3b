/// A stored record this version cannot read (say, an urgency another tool wrote): listed by table and id
/// with the reason, so one bad row neither hides the others nor disappears without a word.
public struct UnreadableRecord: Sendable, Equatable, Codable {
    public var ref: RecordRef
    /// What is wrong with it, e.g. "an unknown urgency 'critical'".
    public var reason: String

    public init(ref: RecordRef, reason: String) {
        self.ref = ref
        self.reason = reason
    }

    /// "escalation 4107: an unknown urgency 'critical'".
    public var line: String { "\(ref.kind.rawValue) \(ref.id): \(reason)" }
}
