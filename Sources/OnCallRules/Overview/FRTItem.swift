import Foundation

/// A ticket waiting for a first reply, with its FRT deadline (source-supplied or computed).
public struct FRTItem: Sendable, Equatable, Identifiable {
    /// A Zendesk deadline further than this from the computed one means the local policy config is out of date
    /// (Zendesk's own deadlines fall on whole minutes; a second or two is rounding, not a different policy).
    public static let driftTolerance: TimeInterval = 60

    public var ticket: Ticket
    /// nil when paused or when the policy gives no SLA.
    public var deadline: Date?
    public var paused: Bool
    /// The policy's name ("Priority Support", "Needs Org").
    public var policy: String
    /// Whether `deadline` is Zendesk's `breach_at` (or Zendesk's pause) or the local computation.
    public var source: DeadlineSource
    /// The deadline the local policy config gives, whatever the source; nil when it gives no SLA.
    public var computedDeadline: Date?

    public init(
        ticket: Ticket, deadline: Date?, paused: Bool, policy: String, source: DeadlineSource = .computed,
        computedDeadline: Date? = nil
    ) {
        self.ticket = ticket
        self.deadline = deadline
        self.paused = paused
        self.policy = policy
        self.source = source
        self.computedDeadline = source == .computed ? (computedDeadline ?? deadline) : computedDeadline
    }

    public var id: Int64 { ticket.id }

    /// Zendesk's deadline minus the computed one, in seconds, when Zendesk supplied one and they differ by more
    /// than `driftTolerance`; nil otherwise (also when the local config gives no SLA at all: see `driftUnknown`).
    public var drift: TimeInterval? {
        guard source == .zendesk, let deadline, let computedDeadline else { return nil }
        let difference = deadline.timeIntervalSince(computedDeadline)
        return abs(difference) > Self.driftTolerance ? difference : nil
    }

    /// Zendesk supplied a deadline but the local policy config gives this ticket no SLA: also out of date.
    public var driftUnknown: Bool { source == .zendesk && deadline != nil && computedDeadline == nil }

    /// The local policy config disagrees with Zendesk about this ticket's deadline.
    public var policyOutOfDate: Bool { drift != nil || driftUnknown }

    /// Seconds until the breach (negative once breached); nil when there is no countdown.
    public func remaining(at now: Date) -> Double? {
        guard !paused, let deadline else { return nil }
        return deadline.timeIntervalSince(now)
    }

    public func risk(at now: Date, thresholds: RiskThresholds) -> Risk {
        Risk.of(remaining: remaining(at: now), paused: paused, thresholds: thresholds)
    }
}

extension FRTItem {
    /// Where the deadline came from, in words: `Zendesk (SLA breach_at)`, `Zendesk (SLA paused)`, `computed`.
    public var sourceText: String {
        switch source {
        case .zendesk: paused ? "Zendesk (SLA paused)" : "Zendesk (SLA breach_at)"
        case .computed: "computed from the local policy config"
        }
    }

    /// Why the local policy config is out of date, or nil when it agrees with Zendesk (within a minute).
    public var driftText: String? {
        if let drift {
            let by = Countdown.elapsed(abs(drift))
            return "Zendesk's deadline is \(by) \(drift > 0 ? "later" : "earlier") than the computed one: "
                + "the local policy config is out of date"
        }
        if driftUnknown { return "the local policy config gives no SLA here: it is out of date" }
        return nil
    }
}
