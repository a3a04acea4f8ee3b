/// The record an action targets and the revision its caller saw (0 = it did not exist yet), so an action taken
/// on a stale view is refused instead of applied to a record that moved on.
public struct ExpectedRevision: Sendable, Hashable {
    public var ref: RecordRef
    public var revision: Int

    public init(_ ref: RecordRef, revision: Int) {
        self.ref = ref
        self.revision = revision
    }

    /// Refuses when the record's `current` revision (nil = no such record) is not the one expected;
    /// `state` describes the record as it is now, for the message.
    public func verify(current: Int?, state: () throws -> String) throws {
        let current = current ?? 0
        guard current != revision else { return }
        if revision == 0 { throw RuleError.conflict("\(ref) was added since you loaded it; reload and try again") }
        throw RuleError.conflict("\(ref) changed since you loaded it: \(try state()); reload and try again")
    }
}
