import Testing

extension Trait where Self == ConditionTrait {
    /// Runs only when the built `oncall` binary sits next to the tests; the skip says why not.
    static var needsOncallBinary: Self {
        .enabled(if: OnCallBinary.path != nil, Comment(rawValue: OnCallBinary.unavailableReason ?? "oncall available"))
    }

    /// Runs only when the binary can open its dashboard (built with it, and tmux present); the skip says why not.
    static var needsOncallDashboard: Self {
        .enabled(
            if: OnCallBinary.isAvailable, Comment(rawValue: OnCallBinary.unavailableReason ?? "oncall available"))
    }
}
