import Foundation
import OnCallRules
import OnCallStore
import OnCallTUI

/// The dashboard's window on the world: the same store, rules and page sender as the CLI verbs.
final class StoreBackend: DashboardBackend {
    let store: Store
    let context: Context

    init(store: Store, context: Context) {
        self.store = store
        self.context = context
    }

    func now() -> Date { context.now }
    var config: OnCallConfig { context.config }
    var actor: String { context.actor }

    func load() throws -> Board { try store.loadBoard(now: now()) }

    func hasExternalChanges() throws -> Bool { try store.hasExternalChanges() }

    func execute(_ command: Command, expecting: (ref: RecordRef, revision: Int)?) throws -> Outcome {
        let now = now()
        let (actor, config) = (self.actor, self.config)
        var outcome = try store.perform(expecting: expecting) { records in
            try command.apply(to: records, actor: actor, now: now, config: config)
        }
        // Pages go out after the commit; the screen shows what happened instead of printing it. A failure
        // leads the message, so a narrow status line cannot cut it off.
        for page in outcome.pages {
            switch PageSender.deliver(page, config: config.pagerduty, environment: context.environment) {
            case .notConfigured: outcome.message += " · trigger it in PagerDuty: \(PageSender.fields(page))"
            case .sent: outcome.message += " · PagerDuty trigger sent"
            case .failed(let why):
                outcome.message = "PagerDuty send FAILED (\(why)); trigger it by hand · " + outcome.message
            }
        }
        return outcome
    }

    func history(of ref: RecordRef, limit: Int) throws -> [AuditEvent] { try store.auditLog(limit: limit, target: ref) }

    func handoffReport() throws -> String {
        let report = try HandoffReportCommand.make(context: context, store: store, since: nil)
        return report.markdown(timeZone: TimeZone(identifier: "UTC")!)
    }

    func save(_ text: String, to path: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(fileURLWithPath: expanded).standardizedFileURL
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CLIError("cannot save to \(url.path): \(error.localizedDescription)")
        }
        return url.path
    }
}
