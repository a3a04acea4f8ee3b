/// Why the store could not be used; `description` is the one line shown to the user.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unavailable(let path, let reason): "store \(path): \(reason)"
        }
    }
}
