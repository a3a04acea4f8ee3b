import Foundation
import OnCallRules

/// `--json`: one object with the machine, the options and every figure (unit, median, p99, runs, budget, pass,
/// unavailable, note; `null` when a figure has none).
enum JSONReport {
    static func render(_ figures: [Figure], machine: Machine, options: JSONObject) -> String {
        let items: [JSONValue] = figures.map { figure in
            let measured = figure.unavailable == nil
            let budget: JSONValue = figure.budget.map {
                .object([
                    ("limit", .number($0.limit)), ("statistic", .string($0.statistic.rawValue)),
                    ("direction", .string($0.direction.rawValue)),
                ])
            } ?? .null
            return .object([
                ("name", .string(figure.name)), ("size", .string(figure.size)), ("unit", .string(figure.unit)),
                ("median", measured ? .number(figure.median) : .null), ("p99", measured ? .number(figure.p99) : .null),
                ("runs", .int(Int64(figure.runs))), ("budget", budget), ("pass", figure.passes.map(JSONValue.bool) ?? .null),
                ("unavailable", .optional(figure.unavailable)), ("note", .optional(figure.note)),
            ])
        }
        let object: JSONValue = .object([
            (
                "machine",
                .object([
                    ("cores", .int(Int64(machine.cores))), ("cpuModel", .string(machine.cpuModel)),
                    ("build", .string(machine.buildConfiguration)), ("loadAverage", .string(machine.loadAverage)),
                    ("kernel", .string(machine.kernel)),
                ])
            ),
            ("options", .object(options)),
            ("figures", .array(items)),
        ])
        return object.serialized(pretty: true)
    }
}
