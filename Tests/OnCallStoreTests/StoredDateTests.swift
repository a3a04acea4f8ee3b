import Foundation
import GRDB
import Testing

@testable import OnCallStore

@Suite("Stored dates")
struct StoredDateTests {
    @Test(
        "known instants format as GRDB's UTC text",
        arguments: [
            (0.0, "1970-01-01 00:00:00.000"),
            (1_795_000_000.5, "2026-11-18 11:06:40.500"),
            (951_782_400, "2000-02-29 00:00:00.000"),
            (-1, "1969-12-31 23:59:59.000"),
            (4_102_444_799.999, "2099-12-31 23:59:59.999"),
        ])
    func knownInstants(seconds: Double, text: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(StoredDate.text(date) == text)
        #expect(StoredDate.date(text) == date)
    }

    @Test("agrees with GRDB's own date text, both ways, across two centuries")
    func agreesWithGRDB() throws {
        var seed: UInt64 = 42
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let milliseconds = Int64(seed >> 22) % 6_000_000_000_000 - 1_000_000_000_000
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let grdb = try #require(String.fromDatabaseValue(date.databaseValue))
            #expect(StoredDate.text(date) == grdb)
            // GRDB goes through Calendar and may land one ulp away; ours is the nearest Double to the millisecond.
            let ours = try #require(StoredDate.date(grdb))
            let theirs = try #require(Date.fromDatabaseValue(grdb.databaseValue))
            #expect(abs(ours.timeIntervalSince(theirs)) < 0.000_001)
            #expect(ours == date)
        }
    }

    @Test("other forms are refused here (and read through GRDB by the row reader)")
    func otherForms() {
        #expect(StoredDate.date("2026-11-18T11:06:40") == Date(timeIntervalSince1970: 1_795_000_000))
        for bad in [
            "", "2026-11-18", "2026-13-18 11:06:40", "2026-11-18 25:00:00", "2026-11-18 11:06:40.5",
            "abcd-ef-gh ij:kl:mn",
        ] {
            #expect(StoredDate.date(bad) == nil, "\(bad)")
        }
    }
}
