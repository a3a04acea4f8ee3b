import Foundation
import OnCallSync

/// `oncall sync` without `--once`: the engine runs until SIGINT or SIGTERM, then gives the lease back.
enum SyncForever {
    static func run(engine: SyncEngine, http: SyncHTTP) {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = DispatchSemaphore(value: 0)
        let task = Task {
            await engine.run { report in
                guard !report.ok || report.tally.changedSomething else { return }
                CleanOutput.line(ISOTime.format(Date()) + " " + report.line)
            }
            stop.signal()
        }
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        stop.wait()
        _ = signals
        runBlocking { await http.shutdown() }
    }
}
