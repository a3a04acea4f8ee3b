// TEMPORARY: lets the CLI compile before the rules branch lands; deleted at merge.
import Foundation

extension UpgradeRequest {
    public func flags(at now: Date, config: OnCallConfig) -> [UpgradeFlag] { [] }
}
