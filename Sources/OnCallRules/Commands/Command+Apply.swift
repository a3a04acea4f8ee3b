import Foundation

extension Command {
    /// Validates the command against the current records and returns what to write, or throws why not.
    public func apply(to records: some RecordLookup, actor: String, now: Date, config: OnCallConfig) throws -> Outcome {
        throw RuleError.refused("not implemented yet")  // SKELETON: replaced by the rules work
    }
}
