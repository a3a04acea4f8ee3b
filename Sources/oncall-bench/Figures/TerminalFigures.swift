import Foundation
import OnCallDemo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Figures 4, 7 and 8: the real `oncall dashboard` in a private tmux server at 200x60 on a store. Startup is
/// timed from `tmux respawn-pane` to the first frame seen by polling `capture-pane`; the last dashboard started
/// then stays up for the idle window (next to htop in another session of the same server) and its peak memory
/// is read at the end.
enum TerminalFigures {
    static let startupBudget = Budget(limit: 250, statistic: .median)
    static let memoryBudget = Budget(limit: 80, statistic: .median)
    /// Text every first frame shows (a pane title).
    static let marker = "Escalation queue"

    static func measure(_ size: SyntheticSize, context: BenchContext, skipIdle: Bool) -> [Figure] {
        let label = size.rawValue
        let idleSeconds = context.quick ? 10 : 60
        let directory = context.directory + "/tmux"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let server = TmuxServer(directory: directory, environment: context.childEnvironment)
        defer { server.kill() }

        var figures: [Figure] = []
        let dashboard: pid_t
        do {
            let oncall = try context.requireOncall()
            guard FileManager.default.fileExists(atPath: context.storePath(size)) else {
                throw BenchError("the \(size.rawValue) store was not built")
            }
            let command = [oncall, "dashboard", "--store", context.storePath(size), "--as", "bench"]
            let (startup, pid) = try startups(server, command: command, runs: context.quick ? 5 : 15)
            figures.append(
                Figure(
                    "startup", size: label, unit: "ms", samples: startup, budget: startupBudget,
                    note: "tmux respawn-pane -> first frame seen by capture-pane (polled; includes ~2-5 ms of tmux client)"))
            dashboard = pid
        } catch {
            let reason = "\(error)"
            return [
                .unavailable("startup", size: label, unit: "ms", budget: startupBudget, reason: reason),
                .unavailable("memory", size: label, unit: "MB", budget: memoryBudget, reason: reason),
                .unavailable("idle.cpu", size: label, unit: "s", budget: nil, reason: reason),
                .unavailable("idle.bytes", size: label, unit: "B/s", budget: nil, reason: reason),
            ]
        }

        if skipIdle {
            sleep(context.quick ? 3 : 5)
        } else {
            figures += idle(server, dashboard: dashboard, seconds: idleSeconds, size: label, context: context)
        }
        if let peak = ProcFS.memory(dashboard, "VmHWM"), ProcFS.isAlive(dashboard) {
            let rss = ProcFS.memory(dashboard, "VmRSS").map { $0 / 1_048_576 } ?? 0
            figures.insert(
                Figure(
                    "memory", size: label, unit: "MB", samples: Samples([Double(peak) / 1_048_576]),
                    budget: memoryBudget,
                    note: "VmHWM of the dashboard after startup and \(skipIdle ? "a few" : "\(idleSeconds)") s of "
                        + "ticking (VmRSS now \(rss) MB)"),
                at: 1)
        } else {
            figures.insert(
                .unavailable("memory", size: label, unit: "MB", budget: memoryBudget,
                    reason: "the dashboard (pid \(dashboard)) is no longer running"),
                at: 1)
        }
        return figures
    }

    /// Starts the dashboard `runs + 1` times (the first warms the page cache) and returns the startup times and
    /// the pid of the last one, left running.
    private static func startups(_ server: TmuxServer, command: [String], runs: Int) throws -> (Samples, pid_t) {
        try server.newSession("dash", width: 200, height: 60, command: ["sleep", "3600"])
        var samples = Samples()
        for run in 0..<(runs + 1) {
            try server.respawn("dash", command: ["sleep", "3600"])  // a blank pane before each start
            let started = Monotonic.seconds()
            try server.respawn("dash", command: command)
            while true {
                let text = try server.capture("dash")
                if text.contains(marker) { break }
                if Monotonic.seconds() - started > 10 || server.paneDead("dash") {
                    let shown = text.split(separator: "\n").prefix(3).joined(separator: " | ")
                    throw BenchError("no dashboard frame within 10 s; the pane shows: \(shown.prefix(200))")
                }
            }
            if run > 0 { samples.add((Monotonic.seconds() - started) * 1000) }
        }
        let pid = try server.panePid("dash")
        guard let name = ProcFS.command(pid), name.hasPrefix("oncall") else {
            throw BenchError("the dashboard pane runs \(ProcFS.command(pid) ?? "nothing"), not oncall")
        }
        return (samples, pid)
    }

    /// CPU seconds and terminal bytes of the idle dashboard over `seconds`, next to htop's CPU in the same window.
    private static func idle(
        _ server: TmuxServer, dashboard: pid_t, seconds: Int, size: String, context: BenchContext
    ) -> [Figure] {
        let window = "over \(seconds) s idle\(context.quick ? " (--quick: 10 s, not 60)" : "")"
        var htop: pid_t?
        var htopMissing: String?
        if (try? Spawn.lookUp("htop", environment: context.childEnvironment)) != nil {
            do {
                try server.newSession("htop", width: 200, height: 60, command: ["htop"])
                htop = try server.panePid("htop")
            } catch {
                htopMissing = "htop did not start: \(error)"
            }
        } else {
            htopMissing = "htop is not installed (apt-get install -y htop): no comparison"
        }
        let output = context.directory + "/tmux/dashboard-output"
        do {
            try server.pipeOutput("dash", to: output)
        } catch {
            return [
                .unavailable("idle.cpu", size: size, unit: "s", budget: nil, reason: "pipe-pane: \(error)"),
                .unavailable("idle.bytes", size: size, unit: "B/s", budget: nil, reason: "pipe-pane: \(error)"),
            ]
        }
        sleep(2)  // let htop's start-up pass before the window opens
        context.log("idle: watching the dashboard\(htop == nil ? "" : " and htop") for \(seconds) s")
        let cpu0 = ProcFS.cpuSeconds(dashboard) ?? 0
        let htop0 = htop.flatMap(ProcFS.cpuSeconds) ?? 0
        let bytes0 = fileSize(output)
        let wchar0 = ProcFS.writtenBytes(dashboard) ?? 0
        let start = Monotonic.seconds()
        sleep(UInt32(seconds))
        let elapsed = Monotonic.seconds() - start
        guard ProcFS.isAlive(dashboard), let cpu1 = ProcFS.cpuSeconds(dashboard) else {
            let reason = "the dashboard exited during the idle window"
            return [
                .unavailable("idle.cpu", size: size, unit: "s", budget: nil, reason: reason),
                .unavailable("idle.bytes", size: size, unit: "B/s", budget: nil, reason: reason),
            ]
        }
        let htop1 = htop.flatMap(ProcFS.cpuSeconds)
        let bytes = Double(fileSize(output) - bytes0) / elapsed
        let wchar = Double((ProcFS.writtenBytes(dashboard) ?? wchar0) - wchar0) / elapsed
        let cpu = cpu1 - cpu0

        var figures: [Figure] = []
        if let htop1 {
            let htopCPU = htop1 - htop0
            figures.append(
                Figure(
                    "idle.cpu", size: size, unit: "s", samples: Samples([cpu]),
                    budget: Budget(limit: htopCPU, statistic: .median),
                    note: String(
                        format: "utime+stime %@ (%.2f%% of a core); budget = htop's CPU in the same window "
                            + "(%.2f s, %.2f%%)", window, cpu / elapsed * 100, htopCPU, htopCPU / elapsed * 100)))
        } else {
            figures.append(
                Figure(
                    "idle.cpu", size: size, unit: "s", samples: Samples([cpu]), budget: nil,
                    note: String(format: "utime+stime %@ (%.2f%% of a core); %@", window, cpu / elapsed * 100,
                        htopMissing ?? "no htop")))
        }
        figures.append(
            Figure(
                "idle.bytes", size: size, unit: "B/s", samples: Samples([bytes]), budget: nil,
                note: String(format: "bytes written to the terminal (tmux pipe-pane) %@; write(2) total %.0f B/s",
                    window, wchar)))
        return figures
    }

    private static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
