/// Points at one record: its kind and id.
public struct RecordRef: Codable, Sendable, Hashable, CustomStringConvertible {
    public var kind: RecordKind
    public var id: Int64

    public init(_ kind: RecordKind, _ id: Int64) {
        self.kind = kind
        self.id = id
    }

    public var description: String { "\(kind.rawValue) \(id)" }
}
