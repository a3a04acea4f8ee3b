import Foundation
import Testing

@testable import OnCallRules

@Suite struct CivilDateTests {
    @Test(arguments: [
        (0, 1970, 1, 1), (-1, 1969, 12, 31), (59, 1970, 3, 1), (11_016, 2000, 2, 29), (20_784, 2026, 11, 27),
        (-719_468, 0, 3, 1),
    ])
    func daysRoundTrip(days: Int, year: Int, month: Int, day: Int) {
        let date = CivilDate(daysSinceEpoch: days)
        #expect(date == CivilDate(year: year, month: month, day: day))
        #expect(date.daysSinceEpoch == days)
    }

    @Test func agreesWithCalendarOverFourHundredYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -80_000, through: 80_000, by: 97) {
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(CivilDate(daysSinceEpoch: days) == CivilDate(year: parts.year!, month: parts.month!, day: parts.day!))
        }
    }

    @Test func splitFloorsBeforeTheEpoch() {
        #expect(CivilDate.split(secondsSinceEpoch: -1) == (days: -1, secondOfDay: 86_399))
        #expect(CivilDate.split(secondsSinceEpoch: 86_400) == (days: 1, secondOfDay: 0))
    }

    @Test func stampsISOText() {
        #expect(UTCStamp.iso(Date(timeIntervalSince1970: 1_779_537_600)) == "2026-05-23T12:00:00Z")
        #expect(UTCStamp.iso(Date(timeIntervalSince1970: 1_779_537_600.25)) == "2026-05-23T12:00:00.250Z")
        #expect(UTCStamp.iso(Date(timeIntervalSince1970: 1_779_537_600), milliseconds: true) == "2026-05-23T12:00:00.000Z")
        #expect(UTCStamp.iso(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }
}
