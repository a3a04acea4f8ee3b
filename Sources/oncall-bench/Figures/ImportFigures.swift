import Foundation
import OnCallDemo

/// Figure 5: the real `oncall import` on vendor export files (`SyntheticExport`) into a fresh store each run:
/// items per second, and the importer's peak resident memory (`ru_maxrss` from `wait4`).
enum ImportFigures {
    static let zendeskTickets = 100_000
    static let ticketsBudget = Budget(limit: 10_000, statistic: .median, direction: .atLeast)  // 100,000 in <= 10 s
    static let memoryBudget = Budget(limit: 300, statistic: .p99)

    static func measure(context: BenchContext) -> [Figure] {
        let runs = context.quick ? 1 : 3
        let other = context.quick ? 5_000 : 10_000
        var figures: [Figure] = []
        let vendors: [(name: String, count: Int, unit: String, write: (FileHandle) throws -> Void)] = [
            ("zendesk", zendeskTickets, "tickets/s", { handle in
                try SyntheticExport.writeZendeskIncrementalTickets(
                    count: zendeskTickets, seed: context.seed, now: context.now, to: handle)
            }),
            ("pagerduty", other, "items/s", { handle in
                try SyntheticExport.writePagerDutyIncidents(count: other, seed: context.seed, now: context.now, to: handle)
            }),
            ("gitlab", other, "items/s", { handle in
                try SyntheticExport.writeGitLabIssues(count: other, seed: context.seed, now: context.now, to: handle)
            }),
        ]
        for vendor in vendors {
            let input = "\(vendor.count) \(vendor.name) items"
            let rateBudget = vendor.name == "zendesk" ? ticketsBudget : nil
            let peakBudget = vendor.name == "zendesk" ? memoryBudget : nil
            do {
                let file = context.directory + "/\(vendor.name)-export.json"
                guard FileManager.default.createFile(atPath: file, contents: nil) else {
                    throw BenchError("cannot create \(file)")
                }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
                try vendor.write(handle)
                try handle.close()
                let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                context.log("import \(vendor.name): \(vendor.count) items, \(bytes / 1_000_000) MB file")
                var rates = Samples()
                var seconds = Samples()
                var peaks = Samples()
                for run in 0..<runs {
                    let store = context.directory + "/import-\(vendor.name)-\(run).sqlite"
                    let exit = try context.runOncall(
                        ["import", vendor.name, file, "--store", store, "--as", "bench"], timeout: 300)
                    rates.add(Double(vendor.count) / exit.wallSeconds)
                    seconds.add(exit.wallSeconds)
                    peaks.add(Double(exit.peakResidentBytes) / 1_048_576)
                    removeStore(store)
                }
                let stages = vendor.name == "zendesk"
                    ? ImportStages.measure(vendor: .zendesk, file: file, items: vendor.count, context: context) : nil
                try? FileManager.default.removeItem(atPath: file)
                figures.append(
                    Figure(
                        "import.\(vendor.name)", size: input, unit: vendor.unit, samples: rates, budget: rateBudget,
                        note: String(format: "oncall import %@ FILE into an empty store: %.1f s median, %d MB file",
                            vendor.name, seconds.median, bytes / 1_000_000)))
                figures.append(
                    Figure(
                        "import.\(vendor.name).peak", size: input, unit: "MB", samples: peaks, budget: peakBudget,
                        note: "peak resident memory of the import process (VmHWM, polled every 5 ms)"))
                if let stages { figures.append(stages) }
            } catch {
                figures.append(
                    .unavailable("import.\(vendor.name)", size: input, unit: vendor.unit, budget: rateBudget,
                        reason: "\(error)"))
                figures.append(
                    .unavailable("import.\(vendor.name).peak", size: input, unit: "MB", budget: peakBudget,
                        reason: "\(error)"))
            }
        }
        return figures
    }

    private static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
