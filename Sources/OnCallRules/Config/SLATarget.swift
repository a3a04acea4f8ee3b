import Foundation

/// A first-response target: an amount of business time (seconds, minutes or business days), counted on a
/// named schedule.
public struct SLATarget: Codable, Sendable, Equatable {
    /// How many `unit`s.
    public var amount: Int
    public var unit: SLATargetUnit
    /// A key of `OnCallConfig.schedules` (`calendar` is 24x7).
    public var schedule: String

    public init(amount: Int, unit: SLATargetUnit, schedule: String) {
        self.amount = amount
        self.unit = unit
        self.schedule = schedule
    }

    public init(minutes: Int, schedule: String) {
        self.init(amount: minutes, unit: .minutes, schedule: schedule)
    }
    public init(seconds: Int, schedule: String) {
        self.init(amount: seconds, unit: .seconds, schedule: schedule)
    }
    public init(days: Int, schedule: String) {
        self.init(amount: days, unit: .days, schedule: schedule)
    }

    /// The deadline for something that started at `start`, counted on `clock`.
    public func deadline(from start: Date, on clock: BusinessSchedule) -> Date {
        switch unit {
        case .seconds: clock.adding(seconds: Double(amount), to: start)
        case .minutes: clock.adding(seconds: Double(amount) * 60, to: start)
        case .days: clock.adding(businessDays: amount, to: start)
        }
    }
}

/// The unit of an SLA target. Seconds and minutes are open time; days are business days as zendesk/biz
/// counts them (the same local time that many open days later, or the next opening after it).
public enum SLATargetUnit: String, Codable, Sendable, CaseIterable {
    case seconds, minutes, days
}
