import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 6, security: the PagerDuty routing key, set in the environment, never reaches the store file, its WAL,
/// the audit log or any output, even when the trigger fails. The events URL points at a closed local port, so
/// nothing leaves the machine.
@Suite(.serialized, .needsOncallBinary)
struct SecretsTests {
    /// A local TCP port nothing listens on (bound, then closed).
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw SpawnError(description: "cannot bind a local port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func routingKeyIsNeverWrittenOrPrinted() throws {
        let shift = try ShiftFixture()
        let key = "R0UTINGKEY" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let config = shift.directory.appendingPathComponent("secrets.toml")
        let port = try Self.closedPort()
        try Data("[pagerduty]\nevents_url = \"http://127.0.0.1:\(port)/v2/enqueue\"\n".utf8).write(to: config)
        var environment = shift.environment
        environment["ONCALL_PAGERDUTY_ROUTING_KEY"] = key
        var outputs: [RunResult] = []
        func run(_ verb: String...) throws -> RunResult {
            let arguments = shift.arguments(verb + ["--config", config.path])
            let result = try ProcessRunner.run(arguments, environment: environment, timeout: 40)
            outputs.append(result)
            return result
        }
        let added = try run(
            "escalation", "add", "--id", "101", "--ticket", "5101", "--urgency", "urgent", "--title", "Needs a page")
        #expect(added.succeeded, "\(added)")
        // A reader holds the store open, so the WAL stays on disk to be searched after the trigger.
        let inspector = try StoreInspector(path: shift.store)
        _ = try inspector.count("SELECT count(*) FROM escalation")
        let trigger = try run("escalation", "trigger", "101")
        #expect(trigger.stderr.contains("PagerDuty send FAILED"), "the closed port was not tried: \(trigger)")
        #expect(try shift.emergency(ticket: 5101) != nil, "the emergency was not recorded locally: \(trigger)")
        let walExists = FileManager.default.fileExists(atPath: shift.store + "-wal")
        for verb in [
            ["status", "--json", "--all"], ["log", "--json", "--limit", "100000"], ["handoff-report"], ["config"],
        ] {
            let result = try ProcessRunner.run(
                shift.arguments(verb + ["--config", config.path]), environment: environment, timeout: 30)
            #expect(result.succeeded, "\(verb): \(result)")
            outputs.append(result)
        }
        for result in outputs {
            #expect(!result.stdout.contains(key) && !result.stderr.contains(key), "the key was printed: \(result)")
        }
        // Every file the runs left (store, WAL, shared memory, anything else under the fixture's folder).
        var searched: [String] = []
        let files = FileManager.default.enumerator(atPath: shift.directory.path)
        while let name = files?.nextObject() as? String {
            let path = shift.directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            searched.append(name)
            #expect(data.range(of: Data(key.utf8)) == nil, "the key is in \(name)")
        }
        #expect(searched.contains { $0.hasSuffix("oncall.sqlite") }, "the store was not searched: \(searched)")
        #expect(walExists && searched.contains { $0.hasSuffix("oncall.sqlite-wal") }, "no WAL searched: \(searched)")
        _ = inspector
    }
}
