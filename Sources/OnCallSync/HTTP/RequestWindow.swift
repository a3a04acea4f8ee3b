import Foundation

/// At most `limit` requests in any `window` seconds (Zendesk's incremental export: 10 a minute); `acquire`
/// waits for a free slot.
public actor RequestWindow {
    private let limit: Int
    private let window: TimeInterval
    private var sent: [Date] = []

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Waits until one more request fits, then counts it.
    public func acquire() async throws(SyncFailure) {
        while true {
            let now = Date()
            sent.removeAll { now.timeIntervalSince($0) >= window }
            if sent.count < limit {
                sent.append(now)
                return
            }
            try await VendorClient.sleep(window - now.timeIntervalSince(sent[0]))
        }
    }
}
