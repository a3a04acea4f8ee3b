import Foundation

/// `--json`: one object with the machine and every figure (unit, median, p99, runs, budget, pass, note).
enum JSONReport {
    static func render(_ figures: [Figure], machine: Machine, options: [String: Any]) -> String {
        let items: [[String: Any]] = figures.map { figure in
            var item: [String: Any] = [
                "name": figure.name, "size": figure.size, "unit": figure.unit, "runs": figure.runs,
            ]
            if let reason = figure.unavailable {
                item["unavailable"] = reason
                item["median"] = NSNull()
                item["p99"] = NSNull()
            } else {
                item["median"] = figure.median
                item["p99"] = figure.p99
            }
            if let budget = figure.budget {
                item["budget"] = [
                    "limit": budget.limit, "statistic": budget.statistic.rawValue,
                    "direction": budget.direction.rawValue,
                ]
            } else {
                item["budget"] = NSNull()
            }
            item["pass"] = figure.passes.map { $0 as Any } ?? NSNull()
            if let note = figure.note { item["note"] = note }
            return item
        }
        let object: [String: Any] = [
            "machine": [
                "cores": machine.cores, "cpuModel": machine.cpuModel, "build": machine.buildConfiguration,
                "loadAverage": machine.loadAverage, "kernel": machine.kernel,
            ],
            "options": options,
            "figures": items,
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        else { return "{}" }
        return text
    }
}
