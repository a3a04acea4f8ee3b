import Foundation
import OnCallSync

/// The JSON of `oncall sync --once --json`: one object per source.
enum SyncJSON {
    static func reports(_ reports: [SourceReport]) -> String {
        let items: [[String: Any]] = reports.map { r in
            var item: [String: Any] = [
                "source": r.source.rawValue, "ok": r.ok, "pages": r.tally.pages, "read": r.tally.read,
                "new": r.tally.new, "updated": r.tally.updated, "unchanged": r.tally.unchanged, "line": r.line,
            ]
            item["error"] = r.error ?? NSNull()
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
