import Foundation
import OnCallDemo

/// Figure 6: `oncall status --json` on a store, the whole process from spawn to exit.
enum StatusFigure {
    static let budget = Budget(limit: 300, statistic: .median)

    static func measure(_ size: SyntheticSize, context: BenchContext) -> Figure {
        let runs = context.quick ? 5 : 20
        var samples = Samples()
        let output = context.directory + "/status.json"
        do {
            guard FileManager.default.fileExists(atPath: context.storePath(size)) else {
                throw BenchError("the \(size.rawValue) store was not built")
            }
            for run in 0..<(runs + 1) {
                let exit = try context.runOncall(
                    ["status", "--json", "--store", context.storePath(size), "--as", "bench"], timeout: 30,
                    stdoutPath: output)
                if run > 0 { samples.add(exit.wallSeconds * 1000) }  // the first run warms the page cache
            }
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            guard text.hasPrefix("{") else { throw BenchError("status --json printed no JSON object") }
            return Figure(
                "status", size: size.rawValue, unit: "ms", samples: samples, budget: budget,
                note: "oncall status --json, spawn to exit, \(text.utf8.count) bytes of JSON")
        } catch {
            return .unavailable("status", size: size.rawValue, unit: "ms", budget: budget, reason: "\(error)")
        }
    }
}
