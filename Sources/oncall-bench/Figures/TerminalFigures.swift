import Foundation
import OnCallDemo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Figures 4, 7 and 8: the real `oncall dashboard` in a private tmux server at 200x60 on a store. Startup is
/// timed from `tmux respawn-pane` to the first frame in the pane's output stream; the last dashboard started
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
        let output = directory + "/dashboard-output"
        do {
            let oncall = try context.requireOncall()
            guard FileManager.default.fileExists(atPath: context.storePath(size)) else {
                throw BenchError("the \(size.rawValue) store was not built")
            }
            let command = [oncall, "dashboard", "--store", context.storePath(size), "--as", "bench"]
            let (startup, pid, note) = try startups(
                server, command: command, output: output, runs: context.quick ? 5 : 15)
            figures.append(
                Figure("startup", size: label, unit: "ms", samples: startup, budget: startupBudget, note: note))
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
            figures += idle(
                server, dashboard: dashboard, output: output, seconds: idleSeconds, size: label, context: context)
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

    /// Starts the dashboard `runs + 1` times (the first warms the page cache) and returns the startup times, the
    /// pid of the last one (left running), and a note with the measurement's own floor.
    ///
    /// The pane's output goes to `output` through `pipe-pane` (set once; it survives `respawn-pane`), and the bench
    /// reads that file every 0.5 ms for the marker, so no tmux client is spawned while the clock runs. The clock
    /// starts before `tmux respawn-pane` is spawned: the floor, the same path for `/bin/echo marker`, is included.
    private static func startups(
        _ server: TmuxServer, command: [String], output: String, runs: Int
    ) throws -> (Samples, pid_t, String) {
        try server.newSession("dash", width: 200, height: 60, command: ["sleep", "3600"])
        try server.pipeOutput("dash", to: output)
        var floor = Samples()
        for _ in 0..<5 {
            floor.add(try timeToMarker(server, command: ["/bin/echo", marker], output: output) * 1000)
        }
        var samples = Samples()
        for run in 0..<(runs + 1) {
            let seconds = try timeToMarker(server, command: command, output: output)
            if run > 0 { samples.add(seconds * 1000) }
        }
        let text = try server.capture("dash")
        guard text.contains(marker) else {
            throw BenchError("the marker was written but the pane does not show it: \(text.prefix(200))")
        }
        let pid = try server.panePid("dash")
        guard let name = ProcFS.command(pid), name.hasPrefix("oncall") else {
            throw BenchError("the dashboard pane runs \(ProcFS.command(pid) ?? "nothing"), not oncall")
        }
        let note = "tmux respawn-pane -> \"\(marker)\" in the pane's output (pipe-pane, read every 0.5 ms); includes "
            + "a floor of \(TableReport.number(floor.median)) ms (same path for /bin/echo)"
        return (samples, pid, note)
    }

    /// Seconds from spawning `tmux respawn-pane` with `command` until the marker appears in the pane's output.
    private static func timeToMarker(
        _ server: TmuxServer, command: [String], output: String
    ) throws -> Double {
        try server.respawn("dash", command: ["sleep", "3600"])  // the last dashboard quits (SIGHUP) first
        usleep(50_000)
        let offset = fileSize(output)
        let started = Monotonic.seconds()
        try server.respawn("dash", command: command)
        let needle = Array(marker.utf8)
        var seen: [UInt8] = []
        while true {
            if let handle = FileHandle(forReadingAtPath: output) {
                defer { try? handle.close() }
                try handle.seek(toOffset: UInt64(offset + seen.count))
                seen += handle.readDataToEndOfFile()
            }
            if contains(seen, needle) { return Monotonic.seconds() - started }
            if Monotonic.seconds() - started > 10 {
                let shown = (try? server.capture("dash"))?.split(separator: "\n").prefix(3).joined(separator: " | ")
                throw BenchError("no dashboard frame within 10 s; the pane shows: \((shown ?? "").prefix(200))")
            }
            usleep(500)
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// CPU seconds and terminal bytes of the idle dashboard over `seconds`, next to htop's CPU in the same window.
    private static func idle(
        _ server: TmuxServer, dashboard: pid_t, output: String, seconds: Int, size: String, context: BenchContext
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
        sleep(2)  // let htop's start-up pass before the window opens
        context.log("idle: watching the dashboard\(htop == nil ? "" : " and htop") for \(seconds) s")
        let cpu0 = ProcFS.preciseCPUSeconds(dashboard) ?? 0
        let ticks0 = ProcFS.cpuSeconds(dashboard) ?? 0
        let htop0 = htop.flatMap(ProcFS.preciseCPUSeconds) ?? 0
        let htopTicks0 = htop.flatMap(ProcFS.cpuSeconds) ?? 0
        let bytes0 = fileSize(output)
        let wchar0 = ProcFS.writtenBytes(dashboard) ?? 0
        let start = Monotonic.seconds()
        sleep(UInt32(seconds))
        let elapsed = Monotonic.seconds() - start
        guard ProcFS.isAlive(dashboard), let cpu1 = ProcFS.preciseCPUSeconds(dashboard),
            let ticks1 = ProcFS.cpuSeconds(dashboard)
        else {
            let reason = "the dashboard exited during the idle window"
            return [
                .unavailable("idle.cpu", size: size, unit: "s", budget: nil, reason: reason),
                .unavailable("idle.bytes", size: size, unit: "B/s", budget: nil, reason: reason),
            ]
        }
        let htop1 = htop.flatMap(ProcFS.preciseCPUSeconds)
        let htopTicks = (htop.flatMap(ProcFS.cpuSeconds) ?? htopTicks0) - htopTicks0
        let bytes = Double(fileSize(output) - bytes0) / elapsed
        let wchar = Double((ProcFS.writtenBytes(dashboard) ?? wchar0) - wchar0) / elapsed
        let cpu = cpu1 - cpu0
        let ticks = String(format: "utime+stime %.2f s", ticks1 - ticks0)

        var figures: [Figure] = []
        if let htop1 {
            let htopCPU = htop1 - htop0
            figures.append(
                Figure(
                    "idle.cpu", size: size, unit: "s", samples: Samples([cpu]),
                    budget: Budget(limit: htopCPU, statistic: .median),
                    note: String(
                        format: "CPU time (schedstat) %@ (%.3f%% of a core; %@); budget = htop's CPU in the same "
                            + "window (%.3f s, %.3f%%; utime+stime %.2f s)", window, cpu / elapsed * 100, ticks,
                        htopCPU, htopCPU / elapsed * 100, htopTicks)))
        } else {
            figures.append(
                Figure(
                    "idle.cpu", size: size, unit: "s", samples: Samples([cpu]), budget: nil,
                    note: String(format: "CPU time (schedstat) %@ (%.3f%% of a core; %@); %@", window,
                        cpu / elapsed * 100, ticks, htopMissing ?? "no htop")))
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
