import Foundation
import OnCallDemo
import OnCallRules

/// The data the fake serves and how each vendor pages it. Edit it through `VendorFake.edit`.
public struct FakeVendors: Sendable {
    /// Zendesk tickets, served by the incremental export and by view `zendeskViewId`.
    public var tickets: [Ticket] = []
    public var zendeskPageSize = 100
    public var zendeskViewId: Int64 = 360_000_001
    /// GitLab escalation issues (any project path is accepted).
    public var escalations: [Escalation] = []
    public var gitlabPageSize = 100
    /// PagerDuty incidents.
    public var emergencies: [Emergency] = []
    public var pagerdutyPageSize = 100
    /// PagerDuty on-call entries: (user name, user id, email, schedule name, start, end).
    public var oncalls: [FakeOnCall] = []
    /// Slack messages of any channel, newest last as posted.
    public var slackMessages: [FakeSlackMessage] = []
    public var slackPageSize = 200
    /// "now" for the SLA metrics in the tickets.
    public var now = Date()

    public init() {}

    func answer(_ r: FakeRequest, base: String) -> FakeAnswer {
        let p = r.path
        if p.hasPrefix("/api/v2/incremental/tickets/cursor.json") { return zendeskExport(r) }
        if p.hasPrefix("/api/v2/views/") { return zendeskView(r, base: base) }
        if p.hasPrefix("/api/v4/projects/"), p.hasSuffix("/issues") { return gitlabIssues(r, base: base) }
        if p == "/incidents" { return pagerdutyIncidents(r) }
        if p == "/oncalls" { return pagerdutyOncalls(r) }
        if p == "/conversations.history" { return slackHistory(r) }
        return FakeAnswer(status: 404, body: "{\"error\":\"Not Found\",\"path\":\"\(p)\"}")
    }

    // MARK: Zendesk

    private var ticketsByUpdate: [Ticket] {
        tickets.sorted { ($0.sourceUpdatedAt ?? $0.createdAt, $0.id) < ($1.sourceUpdatedAt ?? $1.createdAt, $1.id) }
    }

    private static func key(_ t: Ticket) -> String {
        "\(Int64(((t.sourceUpdatedAt ?? t.createdAt).timeIntervalSince1970 * 1000).rounded()))-\(t.id)"
    }

    /// The cursor is "after (updated_at ms, id)", base64 as Zendesk's are opaque.
    private func zendeskExport(_ r: FakeRequest) -> FakeAnswer {
        let sorted = ticketsByUpdate
        var start = 0
        if let cursor = r.value("cursor") {
            guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8) else {
                return FakeAnswer(status: 400, body: "{\"error\":\"InvalidCursor\",\"description\":\"bad cursor\"}")
            }
            start = sorted.firstIndex { Self.sortsAfter($0, text) } ?? sorted.count
        } else if let startTime = r.value("start_time").flatMap(Double.init) {
            start = sorted.firstIndex { ($0.sourceUpdatedAt ?? $0.createdAt).timeIntervalSince1970 >= startTime }
                ?? sorted.count
        } else {
            return FakeAnswer(status: 400, body: "{\"error\":\"InvalidPaginationParameter\",\"description\":\"start_time or cursor required\"}")
        }
        let page = Array(sorted[start..<min(sorted.count, start + zendeskPageSize)])
        let last = page.last ?? (start > 0 ? sorted[start - 1] : nil)
        let cursor = last.map { Data(Self.key($0).utf8).base64EncodedString() }
            ?? r.value("cursor") ?? Data("0-0".utf8).base64EncodedString()
        let end = start + page.count >= sorted.count
        let sideloads = r.value("include")?.contains("users") == true ? SyntheticExport.zendeskSideloads() + "," : ""
        let body =
            "{\"tickets\":[\(page.map { ticket($0, slas: r) }.joined(separator: ","))],\(sideloads)"
            + "\"after_url\":null,\"after_cursor\":\"\(cursor)\",\"before_url\":null,\"before_cursor\":null,"
            + "\"end_of_stream\":\(end)}"
        return FakeAnswer(status: 200, body: body)
    }

    /// Numeric comparison of "ms-id" keys (text order would put 9 after 10).
    private static func sortsAfter(_ t: Ticket, _ key: String) -> Bool {
        let parts = key.split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 2 else { return false }
        let ms = Int64(((t.sourceUpdatedAt ?? t.createdAt).timeIntervalSince1970 * 1000).rounded())
        return (ms, t.id) > (parts[0], parts[1])
    }

    private func ticket(_ t: Ticket, slas r: FakeRequest) -> String {
        SyntheticExport.zendeskTicket(
            t, deleted: false, now: now, includeSLAs: r.value("include")?.contains("slas") == true)
    }

    private func zendeskView(_ r: FakeRequest, base: String) -> FakeAnswer {
        guard r.path == "/api/v2/views/\(zendeskViewId)/tickets" else {
            return FakeAnswer(status: 404, body: "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}")
        }
        let size = min(100, r.value("page[size]").flatMap(Int.init) ?? 100)
        let sorted = tickets.sorted { $0.id < $1.id }
        let start = r.value("page[after]").flatMap { Int($0.dropFirst()) } ?? 0
        let page = Array(sorted[min(start, sorted.count)..<min(sorted.count, start + size)])
        let more = start + page.count < sorted.count
        let after = "v\(start + page.count)"
        let sideloads = r.value("include")?.contains("users") == true ? SyntheticExport.zendeskSideloads() + "," : ""
        let next = more ? "\"\(base)/api/v2/views/\(zendeskViewId)/tickets?page[size]=\(size)&page[after]=\(after)\"" : "null"
        let body =
            "{\"tickets\":[\(page.map { ticket($0, slas: r) }.joined(separator: ","))],\(sideloads)"
            + "\"meta\":{\"has_more\":\(more),\"after_cursor\":\"\(after)\",\"before_cursor\":\"v\(start)\"},"
            + "\"links\":{\"next\":\(next),\"prev\":null}}"
        return FakeAnswer(status: 200, body: body)
    }

    // MARK: GitLab

    private func gitlabIssues(_ r: FakeRequest, base: String) -> FakeAnswer {
        var items = escalations
        if r.value("state") == "opened" { items = items.filter { $0.state.isOpen } }
        if r.value("state") == "closed" { items = items.filter { !$0.state.isOpen } }
        if let after = r.value("updated_after").flatMap(Self.iso) {
            items = items.filter { ($0.sourceUpdatedAt ?? $0.announcedAt) >= after }
        }
        items.sort { ($0.sourceUpdatedAt ?? $0.announcedAt, $0.id) < ($1.sourceUpdatedAt ?? $1.announcedAt, $1.id) }
        let perPage = min(100, r.value("per_page").flatMap(Int.init) ?? 20, gitlabPageSize)
        let page = max(1, r.value("page").flatMap(Int.init) ?? 1)
        let start = (page - 1) * perPage
        let slice = start < items.count ? Array(items[start..<min(items.count, start + perPage)]) : []
        var headers = [("Content-Type", "application/json"), ("x-page", String(page)), ("x-per-page", String(perPage))]
        if start + perPage < items.count {
            headers.append(("x-next-page", String(page + 1)))
            let query = r.query.filter { $0.0 != "page" } + [("page", String(page + 1))]
            let text = query.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
            headers.append(("Link", "<\(base)\(r.rawPath)?\(text)>; rel=\"next\""))
        } else {
            headers.append(("x-next-page", ""))
        }
        return FakeAnswer(
            status: 200, headers: headers, body: "[\(slice.map(SyntheticExport.gitLabIssue).joined(separator: ","))]")
    }

    // MARK: PagerDuty

    private func pagerdutyIncidents(_ r: FakeRequest) -> FakeAnswer {
        let statuses = Set(r.values("statuses[]"))
        var items = Array(emergencies.enumerated())
        if !statuses.isEmpty { items = items.filter { statuses.contains($0.element.state.rawValue) } }
        if r.value("date_range") != "all" {
            let since = r.value("since").flatMap(Self.iso) ?? now.addingTimeInterval(-30 * 86_400)
            items = items.filter { ($0.element.sourceUpdatedAt ?? $0.element.pagedAt) >= since }
        }
        let (slice, more, offset, limit) = Self.page(items, r, size: pagerdutyPageSize)
        let body =
            "{\"incidents\":[\(slice.map { SyntheticExport.pagerDutyIncident($0.element, index: $0.offset, seed: 42) }.joined(separator: ","))],"
            + "\"limit\":\(limit),\"offset\":\(offset),\"more\":\(more),\"total\":null}"
        return FakeAnswer(status: 200, body: body)
    }

    private func pagerdutyOncalls(_ r: FakeRequest) -> FakeAnswer {
        let (slice, more, offset, limit) = Self.page(oncalls, r, size: pagerdutyPageSize)
        let users = r.values("include[]").contains("users")
        let items = slice.map { o in
            let user =
                users
                ? "{\"id\":\"\(o.userId)\",\"type\":\"user\",\"summary\":\"\(o.name)\",\"name\":\"\(o.name)\",\"email\":\"\(o.email)\"}"
                : "{\"id\":\"\(o.userId)\",\"type\":\"user_reference\",\"summary\":\"\(o.name)\"}"
            return "{\"escalation_policy\":{\"id\":\"PCEROT1\",\"type\":\"escalation_policy_reference\",\"summary\":\"Customer Emergency Rotation\"},"
                + "\"escalation_level\":1,\"schedule\":{\"id\":\"PSCHED1\",\"type\":\"schedule_reference\",\"summary\":\"\(o.schedule)\"},"
                + "\"user\":\(user),\"start\":\"\(Self.isoText(o.start))\",\"end\":\"\(Self.isoText(o.end))\"}"
        }
        let body = "{\"oncalls\":[\(items.joined(separator: ","))],\"limit\":\(limit),\"offset\":\(offset),\"more\":\(more),\"total\":null}"
        return FakeAnswer(status: 200, body: body)
    }

    private static func page<T>(_ items: [T], _ r: FakeRequest, size: Int) -> ([T], Bool, Int, Int) {
        let limit = min(100, r.value("limit").flatMap(Int.init) ?? 25, size)
        let offset = max(0, r.value("offset").flatMap(Int.init) ?? 0)
        let slice = offset < items.count ? Array(items[offset..<min(items.count, offset + limit)]) : []
        return (slice, offset + limit < items.count, offset, limit)
    }

    // MARK: Slack

    private func slackHistory(_ r: FakeRequest) -> FakeAnswer {
        guard let channel = r.value("channel") else {
            return FakeAnswer(status: 200, body: "{\"ok\":false,\"error\":\"channel_not_found\"}")
        }
        var items = slackMessages.filter { $0.channel == channel }.reversed().map { $0 }
        if let oldest = r.value("oldest").flatMap(Double.init) {
            items = items.filter { (Double($0.ts) ?? 0) > oldest }
        }
        let limit = min(r.value("limit").flatMap(Int.init) ?? 100, slackPageSize)
        let start = r.value("cursor").flatMap { Int($0.dropFirst()) } ?? 0
        let slice = start < items.count ? Array(items[start..<min(items.count, start + limit)]) : []
        let more = start + limit < items.count
        let messages = slice.map {
            "{\"type\":\"message\",\"user\":\"\($0.user)\",\"text\":\(Self.quote($0.text)),\"ts\":\"\($0.ts)\"}"
        }
        let body =
            "{\"ok\":true,\"messages\":[\(messages.joined(separator: ","))],\"has_more\":\(more),"
            + "\"response_metadata\":{\"next_cursor\":\"\(more ? "s\(start + limit)" : "")\"}}"
        return FakeAnswer(status: 200, body: body)
    }

    // MARK: text

    static func iso(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    static func isoText(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func quote(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
        let array = data.flatMap { String(data: $0, encoding: .utf8) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }
}

/// One PagerDuty on-call entry the fake serves.
public struct FakeOnCall: Sendable {
    public var name: String
    public var userId: String
    public var email: String
    public var schedule: String
    public var start: Date
    public var end: Date

    public init(name: String, userId: String, email: String, schedule: String, start: Date, end: Date) {
        self.name = name
        self.userId = userId
        self.email = email
        self.schedule = schedule
        self.start = start
        self.end = end
    }
}

/// One Slack message the fake serves.
public struct FakeSlackMessage: Sendable {
    public var channel: String
    public var ts: String
    public var user: String
    public var text: String

    public init(channel: String, ts: String, user: String, text: String) {
        self.channel = channel
        self.ts = ts
        self.user = user
        self.text = text
    }
}
