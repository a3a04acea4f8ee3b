import OnCallRules

/// Reads the TOML configuration over the shipped defaults. SKELETON: the config work replaces this.
public enum ConfigLoader {
    /// Applies the keys in `toml` over `base`; throws naming the key on an unknown key or a bad value.
    public static func load(toml: String, over base: OnCallConfig = .gitlabDefaults) throws -> OnCallConfig { base }
}
