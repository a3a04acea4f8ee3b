import Foundation
import OnCallRules

/// Reads one input into an `ImportBatch`: detects the vendor when not given, streams big lists element by
/// element, and turns any problem into an `ImportError` naming the input, the JSON path and what was expected.
///
///     let batch = try Importer.parse(.file(path), vendor: nil, settings: config.imports) { n in ... }
///     try store.perform(dryRun: dryRun) { records in
///         let result = try ImportMerge.merge(batch, records: records, now: now)
///         summary = result.summary
///         return result.outcome
///     }
public enum Importer {
    /// How much of the input detection looks at.
    public static let detectionPrefix = 64 << 10

    /// Reads `input` completely. `progress` is called with the number of items read so far (often; throttle
    /// the display). Nothing is returned (so nothing can be applied) when any part of the input is bad.
    public static func parse(
        _ input: ImportInput, vendor: Vendor? = nil, settings: ImportSettings, progress: ((Int) -> Void)? = nil
    ) throws(ImportError) -> ImportBatch {
        var stream = JSONStreamReader(input: input)
        do {
            let chosen: Vendor
            if let vendor {
                chosen = vendor
            } else {
                let prefix = try stream.peek(detectionPrefix)
                guard let found = detect(prefix) else {
                    throw ImportError(
                        input: input.name, path: nil,
                        reason: "cannot tell the vendor from the content; say zendesk, pagerduty or gitlab"
                    )
                }
                chosen = found
            }
            let batch = ImportBatch(vendor: chosen, input: input.name, detected: vendor == nil)
            switch chosen {
            case .zendesk:
                var reader = ZendeskReader(settings: settings, batch: batch, progress: progress)
                try stream.run(&reader)
                return ImportSanitizer.sanitized(reader.batch)
            case .pagerduty:
                let pattern: NSRegularExpression
                do {
                    pattern = try NSRegularExpression(pattern: settings.pagerdutyTicketPattern)
                } catch {
                    throw ImportError(
                        input: input.name, path: nil,
                        reason: "the PagerDuty ticket pattern is not a valid regular expression"
                    )
                }
                var reader = PagerDutyReader(
                    settings: settings, ticketPattern: pattern, batch: batch, progress: progress)
                try stream.run(&reader)
                return ImportSanitizer.sanitized(reader.batch)
            case .gitlab:
                var reader = GitLabReader(settings: settings, batch: batch, progress: progress)
                try stream.run(&reader)
                return ImportSanitizer.sanitized(reader.batch)
            }
        } catch let error as ImportError {
            throw error
        } catch let problem as JSONProblem {
            throw ImportError(input: input.name, path: problem.path.description, reason: problem.reason)
        } catch {
            throw ImportError(input: input.name, path: nil, reason: "\(error)")
        }
    }

    /// Guesses the vendor from the start of a payload (the keys of its first object), or nil.
    public static func detect(_ prefix: some Collection<UInt8>) -> Vendor? {
        let keys = DetectionScan.keys(in: Array(prefix))
        let top = keys.top
        if top.contains("object_kind") || top.contains("iid") || keys.firstElement.contains("iid") { return .gitlab }
        if top.contains("event") || top.contains("incidents") || top.contains("incident") || top.contains("oncalls")
            || keys.firstElement.contains("event") || keys.firstElement.contains("incident_number")
        {
            return .pagerduty
        }
        if top.contains("tickets") || top.contains("ticket") || top.contains("results")
            || (top.contains("subject") && top.contains("requester_id"))
        {
            return .zendesk
        }
        return nil
    }
}

/// Collects object keys at the top level (or in the first element of a top-level array) from a prefix.
enum DetectionScan {
    static func keys(in bytes: [UInt8]) -> (top: Set<String>, firstElement: Set<String>) {
        var top: Set<String> = []
        var first: Set<String> = []
        var depth = 0
        var topIsArray = false
        var i = 0
        var started = false
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if !started {
                    started = true
                    topIsArray = b == UInt8(ascii: "[")
                }
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
                if depth <= 0 { return (top, first) }  // first document done
                if topIsArray && depth == 1 { return (top, first) }  // first element done
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1 }
                guard j < bytes.count else { return (top, first) }
                var k = j + 1
                while k < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[k]) { k += 1 }
                if k < bytes.count, bytes[k] == UInt8(ascii: ":") {
                    let key = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                    if depth == 1 && !topIsArray { top.insert(key) }
                    if depth == 2 && topIsArray { first.insert(key) }
                }
                i = j + 1
            default:
                i += 1
            }
        }
        return (top, first)
    }
}
