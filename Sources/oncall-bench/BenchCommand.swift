import ArgumentParser
import Foundation
import OnCallDemo
import OnCallRules

/// `oncall-bench`: builds seeded synthetic stores and prints the eight figures of issue 5 with their budgets.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncall-bench",
        abstract: "Measure the dashboard, the store, the importer and the CLI against their budgets.",
        discussion: """
            Run as `swift run -c release oncall-bench`: it needs the release `oncall` binary next to itself \
            (SwiftPM builds it too). Stores are generated afresh in a temporary directory on every run.
            """)

    @Flag(help: "A shorter run: fewer repetitions, a 10 s idle window instead of 60 s.") var quick = false
    @Flag(help: "Print one JSON object instead of the table.") var json = false
    @Option(help: ArgumentHelp("Store sizes to measure, comma-separated.", valueName: "small,medium,large"))
    var sizes = "small,medium,large"
    @Flag(help: "Skip the idle window (figure 8).") var skipIdle = false
    @Option(help: ArgumentHelp("Measure only these groups, comma-separated.", valueName: "dashboard,status,terminal,import,sync"))
    var only = "dashboard,status,terminal,import,sync"
    @Option(help: "Seed of the synthetic data.") var seed: UInt64 = 42
    @Flag(help: "Never build the oncall binary, even when it is missing or older than the sources.")
    var noBuild = false
    @Flag(help: "Keep the temporary directory (stores, exports) for inspection; its path is printed.") var keep = false

    func run() throws {
        var chosen: [SyntheticSize] = []
        for name in sizes.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let size = SyntheticSize(rawValue: name) else {
                throw ValidationError("--sizes: unknown size '\(name)' (small, medium or large)")
            }
            if !chosen.contains(size) { chosen.append(size) }
        }
        guard let largest = SyntheticSize.allCases.last(where: chosen.contains) else {
            throw ValidationError("--sizes: name at least one size")
        }
        let groups = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let known: Set<String> = ["dashboard", "status", "terminal", "import", "sync"]
        guard !groups.isEmpty, groups.isSubset(of: known) else {
            throw ValidationError("--only: choose among dashboard, status, terminal, import, sync")
        }
        let machine = Machine.current()
        let context = try BenchContext.make(quick: quick, seed: seed)
        defer {
            if keep {
                context.log("kept \(context.directory)")
            } else {
                try? FileManager.default.removeItem(atPath: context.directory)
            }
        }

        var header: [String] = []
        header.append(oncallLine(context: context, configuration: machine.buildConfiguration))
        var figures: [Figure] = []
        let needsStores = !groups.isDisjoint(with: ["dashboard", "status", "terminal"])
        for size in chosen where needsStores {
            let spec = size.spec
            context.log("building the \(size.rawValue) store (\(spec.tickets) tickets)")
            do {
                let seconds = try BenchStore.build(path: context.storePath(size), size: size, seed: seed, now: context.now)
                header.append(
                    String(format: "%@: %d tickets (%d waiting), %d escalations (%d open), %d emergencies (%d active);"
                        + " built through Store.perform in %.1f s", size.rawValue, spec.tickets, spec.waitingTickets,
                        spec.escalations, spec.openEscalations, spec.emergencies, spec.activeEmergencies, seconds))
            } catch {
                header.append("\(size.rawValue): the store could not be built: \(error)")
            }
            if groups.contains("dashboard") {
                context.log("frame, action, reload on \(size.rawValue)")
                figures += DashboardFigures.measure(size, context: context)
            }
        }
        if groups.contains("status") {
            context.log("status on \(largest.rawValue)")
            figures.append(StatusFigure.measure(largest, context: context))
        }
        if groups.contains("terminal") {
            context.log("startup, memory\(skipIdle ? "" : ", idle") on \(largest.rawValue)")
            figures += TerminalFigures.measure(largest, context: context, skipIdle: skipIdle)
        }
        if groups.contains("import") {
            context.log("import")
            figures += ImportFigures.measure(context: context)
        }
        if groups.contains("sync") {
            context.log("sync")
            figures += SyncFigures.measure(context: context)
        }

        let order = ["frame", "action", "reload", "startup", "import", "sync", "status", "memory", "idle"]
        func rank(_ figure: Figure) -> Int {
            order.firstIndex { figure.name == $0 || figure.name.hasPrefix($0 + ".") } ?? order.count
        }
        figures = figures.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
        let command = "swift run -c release oncall-bench" + (quick ? " --quick" : "")
            + (sizes == "small,medium,large" ? "" : " --sizes \(sizes)") + (skipIdle ? " --skip-idle" : "")
            + (groups == known ? "" : " --only \(only)")
        header.append("command: \(command); seed \(seed); data generated relative to \(ISO8601DateFormatter().string(from: context.now))")
        if json {
            print(
                JSONReport.render(
                    figures, machine: machine,
                    options: [
                        ("quick", .bool(quick)), ("sizes", .strings(chosen.map(\.rawValue))),
                        ("skipIdle", .bool(skipIdle)), ("seed", .int(Int64(clamping: seed))), ("command", .string(command)),
                        ("stores", .strings(header)),
                    ]))
        } else {
            print(TableReport.render(figures, machine: machine, header: header))
        }
    }

    /// Builds `oncall` when it is missing or stale (unless `--no-build`) and says which binary is measured.
    private func oncallLine(context: BenchContext, configuration: String) -> String {
        let path = context.oncallPath
        guard let reason = OncallBinary.staleness(path) else { return "oncall binary: \(path)" }
        if noBuild { return "WARNING: oncall binary \(path) is \(reason) (--no-build): figures of a stale build" }
        let log = context.directory + "/swift-build-oncall.log"
        context.log("oncall binary \(reason): swift build -c \(configuration) --product oncall")
        do {
            let seconds = try OncallBinary.build(path, configuration: configuration, log: log)
            return String(format: "oncall binary: %@ (was %@: built by the bench in %.0f s)", path, reason, seconds)
        } catch {
            context.log("\(error)")
            if let text = try? String(contentsOfFile: log, encoding: .utf8) {
                FileHandle.standardError.write(Data(text.suffix(2_000).utf8))
            }
            return "WARNING: oncall binary \(path) is \(reason) and could not be built: \(error)"
        }
    }
}
