import ArgumentParser
import Foundation
import OnCallImport
import OnCallRules
import OnCallStore

/// `oncall import [zendesk|pagerduty|gitlab] [FILE...|-]`: vendor payloads into the store, one transaction each.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import Zendesk tickets, PagerDuty incidents/on-calls or GitLab escalation issues.",
        discussion: """
            Each input is read whole and applied in one transaction, or not at all. Without a vendor word the \
            vendor is detected from the content. Importing the same input twice changes nothing. Typical use: \
            curl -s ... | oncall import zendesk -    (`oncall import --guide` lists each vendor's accepted inputs \
            and mapping.)
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Optional vendor word (zendesk, pagerduty, gitlab), then files, or - for standard input.")
    var inputs: [String] = []
    @Flag(help: "Print the summaries as JSON.") var json = false
    @Flag(help: "Report what would change and write nothing.") var dryRun = false
    @Flag(help: "Print what each vendor's import accepts and how it maps, then exit.") var guide = false

    func run() throws {
        if guide {
            print(Importer.guide, terminator: "")
            return
        }
        // The exit code of the worst failure: a store fault (3) outranks a bad file (2), so a cron job can
        // tell a store that is down from an input it should fix.
        var failure: Int32 = 0
        try reportingFailures {
            let context = try Context(global)
            var names = inputs
            var vendor: Vendor?
            if let first = names.first, let word = Vendor(rawValue: first.lowercased()) {
                vendor = word
                names.removeFirst()
            } else if let first = names.first, first != "-", !first.contains("/"), !first.contains("."),
                !FileManager.default.fileExists(atPath: first)
            {
                // A mistyped vendor word would otherwise read as a missing file while the files after it are
                // imported with the vendor guessed.
                throw CLIError("'\(first)' is neither a vendor (zendesk, pagerduty or gitlab) nor a file")
            }
            if names.isEmpty {
                guard isatty(STDIN_FILENO) == 0 else {
                    throw CLIError("no input: name files, or - to read standard input")
                }
                names = ["-"]
            }
            let store = try context.openStore()
            var summaries: [ImportSummary] = []
            let progress = isatty(STDERR_FILENO) == 1
            for name in names {
                do {
                    let input = name == "-" ? ImportInput.standardInput() : try ImportInput.file(name)
                    let batch = try Importer.parse(input, vendor: vendor, settings: context.config.imports) { n in
                        if progress && n % 5000 == 0 {
                            FileHandle.standardError.write(Data("\r\(SafeText.clean(name)): \(n) read…".utf8))
                        }
                    }
                    if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                    if batch.detected && !json {
                        CleanOutput.errorLine("oncall: \(name): detected \(batch.vendor.rawValue)")
                    }
                    var summary: ImportSummary?
                    let now = context.now
                    try store.perform(dryRun: dryRun) { records in
                        let result = try ImportMerge.merge(batch, records: records, now: now)
                        summary = result.summary
                        return result.outcome
                    }
                    guard let summary else { continue }
                    summaries.append(summary)
                    if !json {
                        CleanOutput.line((dryRun ? "dry run, nothing written: " : "") + summary.line)
                        // Each names its record (a cut subject, a refused id): say them, not only count them.
                        for warning in summary.warningMessages { printError("\(name): warning: \(warning)") }
                        if summary.warnings > summary.warningMessages.count {
                            printError("\(name): … and \(summary.warnings - summary.warningMessages.count) more warnings")
                        }
                    }
                } catch {
                    failure = max(failure, error is StoreError ? 3 : 2)
                    printError(describe(error))
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(summaries), as: UTF8.self))
            }
        }
        if failure > 0 { throw ExitCode(failure) }
    }
}
