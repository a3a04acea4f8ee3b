/// What one import did (or would do): counts per outcome and the warnings. Codable for `--json`.
public struct ImportSummary: Codable, Sendable, Equatable {
    public var vendor: Vendor
    public var input: String
    /// True when the vendor was detected from the content.
    public var detected: Bool
    public var read: Int
    public var new: Int
    public var updated: Int
    public var unchanged: Int
    public var skipped: Int
    public var warnings: Int
    /// The first warnings (at most `ImportWarnings.limit`).
    public var warningMessages: [String]

    public init(
        vendor: Vendor, input: String, detected: Bool = false, read: Int = 0, new: Int = 0, updated: Int = 0,
        unchanged: Int = 0, skipped: Int = 0, warnings: Int = 0, warningMessages: [String] = []
    ) {
        self.vendor = vendor
        self.input = input
        self.detected = detected
        self.read = read
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
        self.warnings = warnings
        self.warningMessages = warningMessages
    }

    /// "zendesk: 91 read, 12 new, 3 updated, 76 unchanged, 0 skipped, 2 warnings"
    public var line: String {
        "\(vendor.rawValue): \(read) read, \(new) new, \(updated) updated, \(unchanged) unchanged, \(skipped) skipped, "
            + "\(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
