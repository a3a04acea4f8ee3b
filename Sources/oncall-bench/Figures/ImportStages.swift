import Foundation
import OnCallImport
import OnCallRules
import OnCallStore

/// Where an import's time goes, in this process on the same file: parse (`Importer.parse`), merge
/// (`ImportMerge.merge`, pure) and write (the store's transaction). Tells which stage to make faster when the
/// import figure is over budget; the CLI may batch differently, so this is a guide, not the figure.
enum ImportStages {
    static func measure(vendor: Vendor, file: String, items: Int, context: BenchContext) -> Figure {
        let name = "import.\(vendor.rawValue).stages"
        let input = "\(items) \(vendor.rawValue) items"
        let storePath = context.directory + "/stages-\(vendor.rawValue).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) } }
        do {
            let settings = OnCallConfig.gitlabDefaults.imports
            let (batch, parse) = try Monotonic.milliseconds {
                try Importer.parse(try ImportInput.file(file), vendor: vendor, settings: settings)
            }
            let store = try Store(path: storePath)
            let now = context.now
            var merge = 0.0
            let (_, total) = try Monotonic.milliseconds {
                try store.perform { records in
                    let (result, ms) = try Monotonic.milliseconds { try ImportMerge.merge(batch, records: records, now: now) }
                    merge = ms
                    return result.outcome
                }
            }
            let seconds = (parse + total) / 1000
            return Figure(
                name, size: input, unit: "s", samples: Samples([seconds]), budget: nil,
                note: String(
                    format: "in-process breakdown: parse %.1f s, merge %.1f s, write+commit %.1f s (one transaction)",
                    parse / 1000, merge / 1000, (total - merge) / 1000))
        } catch {
            return .unavailable(name, size: input, unit: "s", budget: nil, reason: "\(error)")
        }
    }
}
