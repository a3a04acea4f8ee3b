import Foundation
import OnCallDemo
import Testing


/// Issue 6, hostile input to the importers, through the real `oncall import` against a store: 10,000
/// deterministic mutations of the vendor samples (the same kinds as the library fuzz in `OnCallImportTests`):
/// no crash, every rejected input named with a reason, and the store exactly as it was.
@Suite(.serialized, .enabled(if: LongChecks.skipReason == nil, LongChecks.comment))
struct ImportFuzzTests {
    static let perFixture =
        ProcessInfo.processInfo.environment["ONCALL_FUZZ_PER_FIXTURE"].flatMap { Int($0) } ?? 435
    static let chunk = 600

    @Test func mutatedImportsNeverCrashAndLeaveTheStoreUnchanged() throws {
        let shift = try ShiftFixture()
        let fixtures = LongChecks.fixtureNames
        try #require(!fixtures.isEmpty, "no vendor samples in \(LongChecks.fixturesDirectory.path)")
        // The store already holds what the samples describe, so a mutation that got through would update it.
        let paths = fixtures.map { LongChecks.fixturesDirectory.appendingPathComponent($0).path }
        let seeded = try ProcessRunner.run(
            shift.arguments(["import", "--json"] + paths), environment: shift.environment, timeout: 120)
        #expect(!seeded.timedOut && seeded.exitCode < 128, "\(seeded)")
        try shift.cli(
            "escalation", "add", "--id", "99101", "--ticket", "99101", "--urgency", "urgent", "--title", "Fuzz")
        let before = try StoreInspector(path: shift.store).fingerprint()
        let logBefore = try shift.cli("log", "--json", "--limit", "100000").stdout

        var random = SplitMix64(seed: 42)
        var cases: [(fixture: Int, index: Int)] = []
        for fixture in fixtures.indices {
            for index in 0..<Self.perFixture { cases.append((fixture, index)) }
        }
        let originals = try paths.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
        let work = shift.directory.appendingPathComponent("fuzz")
        var rejected = 0
        var accepted = 0
        var crashes: [String] = []
        var unexplained: [String] = []
        var applied: [String] = []
        var start = 0
        while start < cases.count {
            let slice = cases[start..<min(start + Self.chunk, cases.count)]
            start += Self.chunk
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            var files: [String] = []
            for (fixture, index) in slice {
                let mutated = JSONMutator.mutate(originals[fixture], rng: &random)
                let path = work.appendingPathComponent("m\(index)-\(fixtures[fixture])").path
                try Data(mutated).write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
            // Pass 1, dry run: which mutations the importer accepts (they would legitimately change the store).
            let dry = try ProcessRunner.run(
                shift.arguments(["import", "--dry-run", "--json"] + files), environment: shift.environment,
                timeout: 300)
            if dry.timedOut || dry.exitCode >= 128 {
                crashes.append("dry run of \(files.first ?? ""): \(dry.exitCode)")
            }
            let summaries = (try? JSONSerialization.jsonObject(with: Data(dry.stdout.utf8))) as? [[String: Any]] ?? []
            let passed = Set(summaries.compactMap { $0["input"] as? String })
            let failing = files.filter { !passed.contains($0) }
            accepted += passed.count
            rejected += failing.count
            // Pass 2, for real: the rejected ones, each explained, none applied.
            guard !failing.isEmpty else { continue }
            let real = try ProcessRunner.run(
                shift.arguments(["import", "--json"] + failing), environment: shift.environment, timeout: 300)
            if real.timedOut || real.exitCode >= 128 {
                crashes.append("import of \(failing.first ?? ""): \(real.exitCode)")
            }
            #expect(real.exitCode == 2, "rejected inputs did not exit 2: \(real.exitCode)")
            let stored = (try? JSONSerialization.jsonObject(with: Data(real.stdout.utf8))) as? [Any] ?? [0]
            if !stored.isEmpty { applied.append("a rejected mutation was applied: \(real.stdout.prefix(300))") }
            let lines = real.stderr.split(separator: "\n").map(String.init)
            #expect(
                lines.count == failing.count, "not one line per rejected input: \(lines.count) for \(failing.count)")
            for path in failing {
                let line = lines.first { $0.hasPrefix("oncall: \(path): ") }
                let reason = line.map { String($0.dropFirst("oncall: \(path): ".count)) } ?? ""
                if reason.trimmingCharacters(in: .whitespaces).count < 5 {
                    // Kept for a look: the mutated input and everything the import said about it.
                    let kept = FileManager.default.temporaryDirectory.appendingPathComponent(
                        "oncall-fuzz-unexplained-" + URL(fileURLWithPath: path).lastPathComponent
                    ).path
                    try? FileManager.default.removeItem(atPath: kept)
                    try? FileManager.default.copyItem(atPath: path, toPath: kept)
                    let said = real.stderr.range(of: path).map { String(real.stderr[$0.lowerBound...].prefix(400)) }
                    unexplained.append("\(kept): \(said ?? "nothing")")
                }
            }
        }
        try? FileManager.default.removeItem(at: work)
        let after = try StoreInspector(path: shift.store).fingerprint()
        let logAfter = try shift.cli("log", "--json", "--limit", "100000").stdout
        let integrity = try StoreInspector(path: shift.store).integrity()
        #expect(crashes.isEmpty, "crashes or hangs: \(crashes)")
        #expect(unexplained.isEmpty, "rejected without a reason: \(unexplained.prefix(10))")
        #expect(applied.isEmpty, "\(applied.prefix(5))")
        #expect(after == before, "the store changed under rejected (or dry-run) imports")
        #expect(logAfter == logBefore, "the audit log changed")
        #expect(integrity == ["ok"])
        #expect(rejected > 0 && accepted > 0)
        LongChecks.report(
            "importer fuzz through `oncall import`: \(grouped(cases.count)) mutations of \(fixtures.count) samples, "
                + "\(grouped(rejected)) rejected each with a named reason, \(grouped(accepted)) accepted (dry run), "
                + "\(crashes.count) crashes, store and audit log \(after == before && logAfter == logBefore ? "unchanged" : "CHANGED"), "
                + "integrity \(integrity == ["ok"] ? "ok" : "\(integrity)")")
    }
}
