/// One line of the report: a figure at one size, its median and p99, its budget and whether it is met.
struct Figure: Sendable {
    /// "frame", "action", "import.zendesk"...
    var name: String
    /// small / medium / large, or a description of the input ("100,000 tickets").
    var size: String
    var unit: String
    var median: Double
    var p99: Double
    var runs: Int
    var budget: Budget?
    /// Why there is no number (a piece not merged yet, a tool missing); the figure is then not measured.
    var unavailable: String?
    /// Anything the reader needs to read the number right (what was measured, the poll interval...).
    var note: String?

    init(
        _ name: String, size: String, unit: String, samples: Samples, budget: Budget?, note: String? = nil
    ) {
        self.name = name
        self.size = size
        self.unit = unit
        self.median = samples.median
        self.p99 = samples.p99
        self.runs = samples.count
        self.budget = budget
        self.note = note
    }

    /// A figure that could not be measured, and why.
    static func unavailable(_ name: String, size: String, unit: String, budget: Budget?, reason: String) -> Figure {
        var figure = Figure(name, size: size, unit: unit, samples: Samples(), budget: budget)
        figure.unavailable = reason
        return figure
    }

    /// nil when there is no budget or no number.
    var passes: Bool? {
        guard unavailable == nil, let budget else { return nil }
        return budget.passes(median: median, p99: p99)
    }
}
