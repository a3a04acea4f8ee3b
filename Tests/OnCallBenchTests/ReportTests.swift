import Foundation
import Testing

@testable import oncall_bench

@Suite struct ReportTests {
    let machine = Machine(
        cores: 2, cpuModel: "Test CPU", buildConfiguration: "release", loadAverage: "0.00 0.00 0.00", kernel: "Linux")
    var figures: [Figure] {
        [
            Figure("frame", size: "large", unit: "ms", samples: Samples([1, 1.5, 3]), budget: Budget(limit: 2, statistic: .median)),
            Figure("action", size: "large", unit: "ms", samples: Samples([20]), budget: Budget(limit: 15, statistic: .median)),
            .unavailable("startup", size: "large", unit: "ms", budget: nil, reason: "no oncall binary"),
        ]
    }

    @Test func tableShowsCoresBudgetsVerdictsAndReasons() {
        let text = TableReport.render(figures, machine: machine, header: [])
        #expect(text.contains("2 cores (nproc)"))
        #expect(text.contains("Test CPU"))
        #expect(text.contains("PASS"))
        #expect(text.contains("OVER"))
        #expect(text.contains("n/a (no oncall binary)"))
        #expect(text.contains("over budget: action (large)"))
    }

    @Test func jsonHasEveryFigureWithUnitMedianP99BudgetAndPass() throws {
        let text = JSONReport.render(figures, machine: machine, options: [("quick", .bool(true))])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(object["figures"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["median"] as? Double == 1.5)
        #expect(items[0]["p99"] as? Double == 3)
        #expect(items[0]["unit"] as? String == "ms")
        #expect(items[0]["pass"] as? Bool == true)
        #expect(items[1]["pass"] as? Bool == false)
        #expect(items[2]["unavailable"] as? String == "no oncall binary")
        #expect(items[2]["median"] is NSNull)
        #expect((object["machine"] as? [String: Any])?["cores"] as? Int == 2)
    }
}
