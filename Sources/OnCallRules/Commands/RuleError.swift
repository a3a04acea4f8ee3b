/// Why a command was refused. `description` is the one line shown to the user.
public enum RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No such record ("no escalation 88").
    case notFound(RecordRef)
    /// The record exists but the action does not apply ("escalation 88 is already acknowledged by ...").
    case refused(String)
    /// A value is missing or wrong ("--reason: a rejection needs a reason").
    case invalid(String)
    /// The record changed since the caller read it.
    case conflict(String)

    public var description: String {
        switch self {
        case .notFound(let ref): "no \(ref.kind.rawValue) \(ref.id)"
        case .refused(let why), .invalid(let why), .conflict(let why): why
        }
    }
}
