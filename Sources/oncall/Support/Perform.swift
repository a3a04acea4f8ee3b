import ArgumentParser
import Foundation
import OnCallRules

/// The common path of every action verb: resolve the context, apply the command through the rules, commit,
/// print the one-line summary, then send any PagerDuty page it asked for. A page that could not be sent
/// exits with `ExitCode.recordedNotPaged` (5): the change is committed, only the page is missing.
func perform(_ global: GlobalOptions, _ make: (Context) throws -> Command) throws {
    try reportingFailures {
        let context = try Context(global)
        let outcome = try context.run(try make(context))
        CleanOutput.line(outcome.message)
        var failed = false
        for page in outcome.pages {
            let result = context.send(page)
            // A failure goes to stderr (exit 5), never undoing the local record.
            if result.isFailure { printError(result.line(page)) } else { CleanOutput.line(result.line(page)) }
            failed = failed || result.isFailure
        }
        if failed { throw ExitCode.recordedNotPaged }
    }
}

extension ExitCode {
    /// The command was recorded in the store, but its PagerDuty page could not be sent.
    static let recordedNotPaged = ExitCode(5)
}
