import Foundation
import OnCallRules
import OnCallStore

/// Slack: `conversations.history` of the escalations channel since the newest message seen, to find each
/// escalation's announcement (the first message carrying its GitLab issue URL) and keep its channel and
/// `ts` for the write-back (`:eyes:`, thread replies). Errors come as `{"ok": false, "error": ...}`. The
/// cursor commits with the last page: the history comes newest first.
struct SlackPuller: Puller {
    static let cursorName = "oldest"
    static let maxPages = 200
    private static let issueURL = try! NSRegularExpression(pattern: "https?://[^\\s|>]+?/-/issues/([0-9]{1,12})")

    func pull(_ context: PullContext) async throws(SyncFailure) -> PullTally {
        let channel = context.settings.escalationsChannel
        guard !channel.isEmpty else { return PullTally() }
        let oldest = try context.cursors()[Self.cursorName]
        let known: [Int64: EscalationLink]
        do { known = try context.store.escalationLinks() } catch { throw .store("\(error)") }
        let announced = Set(known.values.compactMap { $0.slackTs == nil ? nil : $0.webURL })
        var newest = oldest
        var cursor: String?
        var tally = PullTally()
        var found: [String: (ts: String, link: EscalationLink)] = [:]
        for page in 1...Self.maxPages {
            var query = [("channel", channel), ("limit", "200")]
            if let oldest { query.append(("oldest", oldest)) }
            if let cursor { query.append(("cursor", cursor)) }
            let answer = try await context.client.get(context.client.url("conversations.history", query))
            let body = try Self.object(answer.body, page: page)
            guard body["ok"] as? Bool == true else {
                let error = body["error"] as? String ?? "no error given"
                if ["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "missing_scope"]
                    .contains(error)
                {
                    throw .credentials(status: 401, variable: context.client.tokenVariable)
                }
                throw .status(answer.status, "Slack: \(error)")
            }
            let messages = body["messages"] as? [[String: Any]] ?? []
            tally.pages += 1
            tally.read += messages.count
            for message in messages {
                guard let ts = message["ts"] as? String else { continue }
                if newest.map({ Self.later(ts, than: $0) }) ?? true { newest = ts }
                let text = message["text"] as? String ?? ""
                for (url, project, iid) in Self.issueURLs(in: text) where !announced.contains(url) {
                    // The announcement is the earliest message naming the issue.
                    if let seen = found[url], !Self.later(seen.ts, than: ts) { continue }
                    found[url] = (
                        ts,
                        EscalationLink(project: project, iid: iid, webURL: url, slackChannel: channel, slackTs: ts)
                    )
                }
            }
            let next = (body["response_metadata"] as? [String: Any])?["next_cursor"] as? String
            let more = body["has_more"] as? Bool ?? false
            guard more, let next, !next.isEmpty, next != cursor else { break }
            cursor = next
        }
        var write = PullWrite(links: found.values.map(\.link).sorted { ($0.slackTs ?? "") < ($1.slackTs ?? "") })
        if let newest { write.cursors[Self.cursorName] = newest }
        let before = tally
        do {
            let outcome = try context.store.performPull(source: context.kind.rawValue) { _ in
                (Outcome(changes: [], audit: [], message: ""), write)
            }
            _ = outcome
        } catch {
            throw .store(String("\(error)".prefix(200)))
        }
        tally = before
        tally.updated = write.links.count
        tally.unchanged = tally.read - min(tally.read, write.links.count)
        return tally
    }

    private static func object(_ body: [UInt8], page: Int) throws(SyncFailure) -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(body)), let object = value as? [String: Any]
        else {
            throw .malformed("conversations.history page \(page): not a JSON object")
        }
        return object
    }

    /// Slack timestamps ("1733150000.000200") compared as numbers.
    static func later(_ a: String, than b: String) -> Bool {
        (Double(a) ?? 0) > (Double(b) ?? 0)
    }

    /// (web URL, project path, iid) of each GitLab issue link in a message (`<url|label>` or bare).
    static func issueURLs(in text: String) -> [(String, String, Int64)] {
        let range = NSRange(text.startIndex..., in: text)
        return issueURL.matches(in: text, range: range).compactMap { match in
            guard let whole = Range(match.range, in: text), let number = Range(match.range(at: 1), in: text),
                let iid = Int64(text[number]), let url = URL(string: String(text[whole]))
            else { return nil }
            var path = url.path
            if let cut = path.range(of: "/-/issues/") { path = String(path[..<cut.lowerBound]) }
            return (String(text[whole]), String(path.drop { $0 == "/" }), iid)
        }
    }
}
