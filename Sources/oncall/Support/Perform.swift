import Foundation
import OnCallRules

/// The common path of every action verb: resolve the context, apply the command through the rules, commit,
/// print the one-line summary, then send any PagerDuty page it asked for.
func perform(_ global: GlobalOptions, _ make: (Context) throws -> Command) throws {
    try reportingFailures {
        let context = try Context(global)
        let outcome = try context.run(try make(context))
        print(outcome.message)
        for page in outcome.pages {
            PageSender.send(page, context: context)
        }
    }
}
