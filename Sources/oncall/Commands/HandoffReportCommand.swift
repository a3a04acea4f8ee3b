import ArgumentParser
import Foundation
import OnCallRules
import OnCallStore

/// `oncall handoff-report`: what the next manager needs, ready to paste into Slack or an issue.
struct HandoffReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff-report",
        abstract: "The shift hand-off report: open emergencies and escalations, notices, FRT at risk, what was done.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "GitLab Markdown (the default).") var markdown = false
    @Flag(help: "Slack mrkdwn (no tables), to paste into a Slack message.") var slack = false
    @Flag(help: "JSON instead of Markdown.") var json = false
    @Option(help: "Report what was done since this time (default: when the current shift began).", transform: Parse.time)
    var since: Date?
    @Option(help: "Time zone for Markdown times (default UTC).") var tz: String = "UTC"

    func validate() throws {
        if [markdown, slack, json].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --markdown, --slack and --json")
        }
        if TimeZone(identifier: tz) == nil { throw ValidationError("--tz: unknown time zone '\(tz)'") }
    }

    func run() throws {
        try reportingFailures {
            let context = try Context(global)
            let report = try HandoffReportCommand.make(context: context, store: try context.openExistingStore(), since: since)
            if json {
                print(try HandoffReportCommand.json(report))
            } else if slack {
                print(report.slack(timeZone: TimeZone(identifier: tz)!), terminator: "")
            } else {
                print(report.markdown(timeZone: TimeZone(identifier: tz)!), terminator: "")
            }
        }
    }

    /// Builds the report from the store: open records plus the audit events since the shift began.
    static func make(context: Context, store: Store, since: Date?) throws -> HandoffReport {
        let now = context.now
        let overview = Overview.make(from: try store.loadBoard(now: now), config: context.config)
        let from = since ?? HandoffReport.defaultSince(overview: overview, now: now)
        let audit = try store.auditLog(since: from)
        return HandoffReport(overview: overview, audit: audit, since: from, now: now, config: context.config)
    }

    static func json(_ report: HandoffReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
