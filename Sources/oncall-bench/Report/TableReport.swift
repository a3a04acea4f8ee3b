import Foundation

/// The human report: the machine, then one line per figure with its budget and PASS/OVER, then the notes.
enum TableReport {
    static func render(_ figures: [Figure], machine: Machine, header: [String]) -> String {
        var lines = [
            "oncall-bench: \(machine.cores) cores (nproc), \(machine.cpuModel), \(machine.kernel), "
                + "\(machine.buildConfiguration) build, load average at start \(machine.loadAverage)"
        ]
        lines += header
        lines.append("")
        let columns = ["figure", "size", "unit", "median", "p99", "runs", "budget", "result"]
        var rows: [[String]] = []
        var notes: [String] = []
        for (index, figure) in figures.enumerated() {
            let budget = figure.budget.map { "\($0.statistic.rawValue) \($0.direction.rawValue) \(number($0.limit))" } ?? "-"
            if let reason = figure.unavailable {
                rows.append([figure.name, figure.size, figure.unit, "n/a", "n/a", "0", budget, "n/a [\(index + 1)]"])
                notes.append("[\(index + 1)] \(figure.name) \(figure.size): n/a (\(reason))")
                continue
            }
            let result = figure.passes.map { $0 ? "PASS" : "OVER" } ?? "-"
            rows.append([
                figure.name, figure.size, figure.unit, number(figure.median), number(figure.p99), "\(figure.runs)",
                budget, figure.note == nil ? result : "\(result) [\(index + 1)]",
            ])
            if let note = figure.note { notes.append("[\(index + 1)] \(figure.name) \(figure.size): \(note)") }
        }
        let widths = columns.indices.map { c in ([columns[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                // Numbers right-aligned, words left-aligned.
                (3...5).contains(c)
                    ? String(repeating: " ", count: widths[c] - text.count) + text
                    : text + String(repeating: " ", count: widths[c] - text.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append(line(columns))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        lines += rows.map(line)
        lines.append("")
        lines += notes
        let over = figures.filter { $0.passes == false }.map { "\($0.name) (\($0.size))" }
        let missing = figures.filter { $0.unavailable != nil }.count
        lines.append("")
        lines.append(
            over.isEmpty
                ? "every measured budget met\(missing > 0 ? "; \(missing) figure(s) n/a" : "")"
                : "over budget: \(over.joined(separator: ", "))\(missing > 0 ? "; \(missing) figure(s) n/a" : "")")
        return lines.joined(separator: "\n")
    }

    /// Three significant-ish digits: 0.412, 12.3, 1234.
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1000 { return String(format: "%.0f", value) }
        if magnitude >= 100 { return String(format: "%.1f", value) }
        if magnitude >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }
}
