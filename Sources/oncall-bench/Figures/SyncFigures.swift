import Foundation
import OnCallConfig
import OnCallDemo
import OnCallRules
import OnCallStore
import OnCallSync
import OnCallVendorFake

/// Issue 11: `oncall sync --once` pulling 10,000 Zendesk tickets (100 view pages of 100) from the local fake
/// into an empty store (tickets/s, the puller's peak resident MB); and the CPU one idle poll cycle of all
/// four sources costs when nothing is new (the engine in this process, `getrusage` around `pullAll`).
enum SyncFigures {
    static let tickets = 10_000

    static func measure(context: BenchContext) -> [Figure] {
        let fake = VendorFake()
        do { try fake.start() } catch {
            return [
                .unavailable("sync.zendesk", size: "\(tickets) tickets", unit: "tickets/s", budget: nil,
                    reason: "the fake did not start: \(error)")
            ]
        }
        defer { fake.stop() }
        let generator = SyntheticGenerator(
            spec: SyntheticSpec(
                tickets: tickets, waitingTickets: 200, escalations: 300, openEscalations: 40, emergencies: 60,
                activeEmergencies: 5, historyDays: 10),
            seed: context.seed, now: context.now)
        fake.edit {
            $0.tickets = (0..<tickets).map(generator.ticket)
            $0.escalations = (0..<300).map(generator.escalation)
            $0.emergencies = (0..<60).map(generator.emergency)
        }
        let configPath = context.directory + "/sync.toml"
        var text = ""
        for source in SourceKind.allCases {
            text += "[sources.\(source.rawValue)]\nurl = \"\(fake.baseURL)\"\n"
            if source == .zendesk { text += "view_id = 360000001\n" }
            if source == .slack { text += "escalations_channel = \"CESCAL\"\n" }
        }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: configPath))
        let tokens = ["ONCALL_ZENDESK_TOKEN": "bench-token"]
        var figures: [Figure] = []
        let runs = context.quick ? 1 : 3
        var rates = Samples()
        var peaks = Samples()
        do {
            for run in 0..<runs {
                let store = context.directory + "/sync-\(run).sqlite"
                let exit = try context.runOncall(
                    ["sync", "--once", "--store", store, "--config", configPath, "--as", "bench"], timeout: 600,
                    extraEnvironment: tokens)
                rates.add(Double(tickets) / exit.wallSeconds)
                peaks.add(Double(exit.peakResidentBytes) / 1_048_576)
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
            }
            figures.append(
                Figure(
                    "sync.zendesk", size: "\(tickets) tickets", unit: "tickets/s", samples: rates, budget: nil,
                    note: "oncall sync --once, 100 view pages of 100 from the local fake into an empty store"))
            figures.append(
                Figure(
                    "sync.memory", size: "\(tickets) tickets", unit: "MB", samples: peaks, budget: nil,
                    note: "peak resident of that oncall sync --once"))
        } catch {
            figures.append(
                .unavailable("sync.zendesk", size: "\(tickets) tickets", unit: "tickets/s", budget: nil,
                    reason: "\(error)"))
        }
        figures.append(idleCycle(context: context, configPath: configPath))
        return figures
    }

    /// One `pullAll` of all four sources after a first full pull: nothing new anywhere.
    private static func idleCycle(context: BenchContext, configPath: String) -> Figure {
        let name = "sync.idle-cycle"
        do {
            let store = try Store(path: context.directory + "/sync-idle.sqlite")
            let config = try ConfigLoader.loadFile(path: configPath)
            var environment: [String: String] = [:]
            for kind in SourceKind.allCases { environment[config.sources[kind].tokenEnv] = "bench-token" }
            let http = SyncHTTP()
            let engine = SyncEngine(store: store, config: config, environment: environment, http: http)
            let cycles = context.quick ? 5 : 20
            let samples = BlockingRun.run {
                _ = await engine.pullAll()
                var samples = Samples()
                for _ in 0..<cycles {
                    let before = CPUTime.now()
                    _ = await engine.pullAll()
                    samples.add((CPUTime.now() - before) * 1000)
                }
                await http.shutdown()
                return samples
            }
            try? store.close()
            return Figure(
                name, size: "4 sources, nothing new", unit: "ms CPU", samples: samples, budget: nil,
                note: "user+system CPU of this process for one pull of each source (view of 10,000 tickets re-read)")
        } catch {
            return .unavailable(name, size: "4 sources", unit: "ms CPU", budget: nil, reason: "\(error)")
        }
    }
}

/// User + system CPU time of this process, in seconds.
enum CPUTime {
    static func now() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
}

/// Waits for async work from the synchronous bench.
enum BlockingRun {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = BlockingBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries a result out of the task (written once, before the semaphore is signalled).
final class BlockingBox<T>: @unchecked Sendable {
    var value: T?
}
