import Foundation
import OnCallDemo
import OnCallRules
import OnCallVendorFake

/// A shift fixture plus a started vendor fake serving a recent synthetic shift, and a config whose
/// `[sources.*]` point at the fake. `close()` stops the fake.
final class SyncFixture {
    let shift: ShiftFixture
    let fake = VendorFake()
    let config: String
    /// The open escalations the fake serves (their titles show on the dashboard).
    let openEscalations: [Escalation]

    init(pollSeconds: Int = 5, tickets: Int = 30, escalations: Int = 20, emergencies: Int = 8) throws {
        shift = try ShiftFixture()
        try fake.start()
        let generator = SyntheticGenerator(
            spec: SyntheticSpec(
                tickets: tickets, waitingTickets: tickets / 10, escalations: escalations,
                openEscalations: escalations / 4, emergencies: emergencies, activeEmergencies: emergencies / 4,
                historyDays: 5),
            seed: 11, now: Date())
        let all = (0..<escalations).map(generator.escalation)
        openEscalations = all.filter(\.state.isOpen)
        fake.edit {
            $0.tickets = (0..<tickets).map(generator.ticket)
            $0.escalations = all
            $0.emergencies = (0..<emergencies).map(generator.emergency)
        }
        let url = fake.baseURL
        var text = ""
        for source in ["zendesk", "pagerduty", "gitlab", "slack"] {
            text += "[sources.\(source)]\nurl = \"\(url)\"\npoll_seconds = \(pollSeconds)\n"
            if source == "slack" { text += "escalations_channel = \"CESCAL\"\n" }
            text += "\n"
        }
        let path = shift.directory.appendingPathComponent("sync.toml")
        try Data(text.utf8).write(to: path)
        config = path.path
    }

    /// The token variables of `sources` set (a test token each).
    static func tokens(_ sources: [String]) -> [String: String] {
        var environment: [String: String] = [:]
        for source in sources { environment["ONCALL_\(source.uppercased())_TOKEN"] = "e2e-token-\(source)" }
        return environment
    }

    func run(_ verb: [String], tokens sources: [String], timeout: TimeInterval = 60) throws -> RunResult {
        var environment = shift.environment
        environment.merge(Self.tokens(sources)) { $1 }
        return try ProcessRunner.run(
            shift.arguments(["--config", config] + verb), environment: environment, timeout: timeout)
    }

    func close() { fake.stop() }
}
