import Foundation
import OnCallRules

/// Whether a source is on, from the config and the environment: on when its token variable is set.
public enum SourceSwitch: Sendable, Equatable {
    case on
    /// Off, and the words saying how to turn it on.
    case off(String)

    public static func of(_ kind: SourceKind, config: OnCallConfig, environment: [String: String]) -> SourceSwitch {
        let settings = config.sources[kind]
        guard let token = environment[settings.tokenEnv], !token.isEmpty else {
            return .off("set $\(settings.tokenEnv) to turn it on")
        }
        if kind == .slack, settings.escalationsChannel.isEmpty {
            return .off("set sources.slack.escalations_channel to turn it on")
        }
        return .on
    }

    public var isOn: Bool { self == .on }
}
