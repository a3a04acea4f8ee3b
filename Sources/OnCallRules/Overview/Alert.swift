/// Something the manager should act on, with the record it is about.
public struct Alert: Sendable, Equatable, Codable {
    public var kind: AlertKind
    public var message: String
    public var ref: RecordRef?

    public init(kind: AlertKind, message: String, ref: RecordRef? = nil) {
        self.kind = kind
        self.message = message
        self.ref = ref
    }
}
