import OnCallRules

/// The record an action targets and the revision the dashboard saw, so a stale action is refused.
public struct Expectation: Sendable, Hashable {
    public var ref: RecordRef
    public var revision: Int

    public init(_ ref: RecordRef, revision: Int) {
        self.ref = ref
        self.revision = revision
    }
}
