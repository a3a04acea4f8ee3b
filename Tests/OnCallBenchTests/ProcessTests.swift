import Foundation
import Testing

@testable import oncall_bench

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct ProcessTests {
    let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

    @Test func exitCodeIsReported() throws {
        let ok = try Spawn.run(["sh", "-c", "exit 0"], environment: environment, timeout: 30)
        #expect(ok.succeeded)
        let three = try Spawn.run(["sh", "-c", "exit 3"], environment: environment, timeout: 30)
        #expect(three.exitCode == 3)
        #expect(!three.succeeded)
    }

    @Test func pastTheDeadlineTheChildIsKilled() throws {
        let exit = try Spawn.run(["sleep", "30"], environment: environment, timeout: 0.2)
        #expect(exit.timedOut)
        #expect(exit.exitCode == 128 + SIGKILL)
    }

    @Test func stdoutGoesToTheFile() throws {
        let path = NSTemporaryDirectory() + "/oncall-bench-test-\(getpid()).out"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Spawn.run(["sh", "-c", "echo hello"], environment: environment, stdoutPath: path, timeout: 30)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
    }

    @Test func unknownCommandIsAnError() {
        #expect(throws: SpawnError.self) {
            try Spawn.run(["no-such-command-oncall-bench"], environment: environment, timeout: 1)
        }
    }

    @Test func procReadsThisProcess() {
        let pid = getpid()
        #expect((ProcFS.memory(pid, "VmHWM") ?? 0) > 0)
        #expect((ProcFS.memory(pid, "VmRSS") ?? 0) > 0)
        #expect(ProcFS.cpuSeconds(pid) != nil)
        #expect((ProcFS.preciseCPUSeconds(pid) ?? 0) > 0)
        #expect(ProcFS.writtenBytes(pid) != nil)
        #expect(ProcFS.isAlive(pid))
    }
}
