import Foundation
import OnCallRules

extension DemoShift {
    /// One demo ticket row: times in minutes relative to `now`.
    private struct Row {
        var subject: String
        var org: String?
        var plan: Plan
        var priority: TicketPriority?
        var region: Region?
        /// Minutes before `now` the ticket was created.
        var age: Double
        /// A Zendesk-supplied deadline, minutes after `now` (negative = already breached).
        var breachIn: Double? = nil
        var paused: Bool = false
        var assignee: String? = nil
    }

    // Urgent Priority Support tickets run on the 24x7 clock and the source-supplied deadlines are fixed, so the
    // spread from breached to days away shows at any hour of the week; the others follow business hours.
    private static let rows: [Row] = [
        Row(subject: "502 errors on every page after upgrade to 17.3.1", org: "Nordlicht Logistik GmbH",
            plan: .priority, priority: .urgent, region: .emea, age: 41),
        Row(subject: "Gitaly node out of disk, all pushes failing", org: "Atlas Freight Inc.", plan: .priority,
            priority: .urgent, region: .amer, age: 12),
        Row(subject: "Pipelines stuck 🔥 after moving to the new runner fleet", org: "Paperplane Studio",
            plan: .priority, priority: .urgent, region: .amer, age: 22),
        Row(subject: "Runners stuck in 'pending' since the Kubernetes executor update", org: "Helios Energy",
            plan: .priority, priority: .high, region: .amer, age: 300, breachIn: -95, assignee: "Wei Zhang"),
        Row(subject: "Geo secondary: repository verification failures climbing", org: "Fjordkraft Analytics AS",
            plan: .priority, priority: .high, region: .emea, age: 230, breachIn: -20),
        Row(subject: "LDAP sync removes users from groups every night", org: "Universidade de São Paulo",
            plan: .priority, priority: .normal, region: .amer, age: 470, breachIn: -4),
        Row(subject: "Sidekiq queues backing up, merge requests not updating", org: "Atlas Freight Inc.",
            plan: .priority, priority: .high, region: .amer, age: 225, breachIn: 8),
        Row(subject: "SAML SSO login loop on our GitLab.com group", org: "Müller & Söhne Maschinenbau",
            plan: .priority, priority: .high, region: .emea, age: 215, breachIn: 17),
        Row(subject: "Container registry garbage collection never finishes", org: "Kobayashi Robotics 小林ロボティクス",
            plan: .priority, priority: .normal, region: .apac, age: 455, breachIn: 26),
        Row(subject: "Praefect reports replication lag on all virtual storages", org: "Banco Austral S.A.",
            plan: .priority, priority: .high, region: .amer, age: 195, breachIn: 45),
        Row(subject: "License seats: true-up shows 312 users, we have 250 active", org: "Stadtwerke Nordheim",
            plan: .licensing, priority: .normal, region: .emea, age: 410, breachIn: 70),
        Row(subject: "Cannot apply renewal license: 'This license has already expired'", org: "Helios Energy",
            plan: .licensing, priority: .high, region: .amer, age: 370, breachIn: 110),
        Row(subject: "Backup rake task fails with Errno::ENOSPC", org: "Coastal Health Partners", plan: .priority,
            priority: .normal, region: .amer, age: 180, breachIn: 300),
        Row(subject: "Merge request diffs show 'Something went wrong' on large files", org: "Tessellate AB",
            plan: .priority, priority: .low, region: .emea, age: 60, breachIn: 1500),
        Row(subject: "Question: enabling advanced search on 1.2 TB of repositories", org: "Orion Avionics",
            plan: .priority, priority: .low, region: .amer, age: 30, breachIn: 4000),
        Row(subject: "Upgrade plan review: 16.11 → 17.3 with Geo (3 sites)", org: "Université de Montréal",
            plan: .priority, priority: .high, region: .amer, age: 1200, paused: true, assignee: "Yuki Sato"),
        Row(subject: "Webhooks to Jenkins time out after 10 s", org: "Blue Ridge Software", plan: .priority,
            priority: .normal, region: .amer, age: 95),
        Row(subject: "Import from GitHub stuck at 'scheduled' for 2 days", org: "Kiwi Orchard Ltd", plan: .standard,
            priority: .normal, region: .apac, age: 720),
        Row(subject: "SSH clone hangs with 'fatal: early EOF'", org: "Tessellate AB", plan: .priority,
            priority: .normal, region: .emea, age: 260),
        Row(subject: "Access tokens expired unexpectedly after the 16.0 upgrade", org: "Coastal Health Partners",
            plan: .priority, priority: .high, region: .amer, age: 150),
        Row(subject: "Invoice shows Ultimate but we bought Premium", org: "Paperplane Studio", plan: .licensing,
            priority: .normal, region: .amer, age: 320),
        Row(subject: "2FA recovery: lost phone, locked out of account", org: "Hobbyist Collective", plan: .free,
            priority: .normal, region: .emea, age: 500),
        Row(subject: "How do I host GitLab Pages with wildcard DNS?", org: "Open Maps Club", plan: .free,
            priority: .low, region: .apac, age: 900),
        Row(subject: "Trial extension request for our evaluation", org: nil, plan: .unknown, priority: .normal,
            region: .emea, age: 9),
        Row(subject: "Package registry: npm publish returns 403", org: "Orion Avionics", plan: .priority,
            priority: .normal, region: .amer, age: 45),
        Row(subject: "Fehler beim Spiegeln: Pull-Mirror schlägt mit TLS-Handshake fehl", org: "Müller & Söhne Maschinenbau",
            plan: .priority, priority: .normal, region: .emea, age: 340),
        Row(subject: "CI/CD compute minutes quota did not reset this month", org: "Kiwi Orchard Ltd", plan: .standard,
            priority: .normal, region: .apac, age: 1300),
        Row(subject: "gitlab-ctl reconfigure fails: Chef::Exceptions::ValidationFailed", org: "Blue Ridge Software",
            plan: .priority, priority: .high, region: .amer, age: 70),
        Row(subject: "GitLab agent for Kubernetes disconnects every 15 minutes", org: "Fjordkraft Analytics AS",
            plan: .priority, priority: .normal, region: .emea, age: 120),
        Row(subject: "Le runner Windows n'exécute plus les jobs PowerShell", org: "Groupe Lumière SA", plan: .priority,
            priority: .high, region: .emea, age: 200),
        Row(subject: "リポジトリのプッシュミラーが停止しました (push mirror stopped)", org: "Kobayashi Robotics 小林ロボティクス",
            plan: .priority, priority: .normal, region: .apac, age: 380),
        Row(subject: "Dependency scanning fails on Gradle 8 projects", org: "Tessellate AB", plan: .standard,
            priority: .low, region: .emea, age: 2000),
        Row(subject: "Audit events API returns 500 with a date filter", org: "Stadtwerke Nordheim", plan: .priority,
            priority: .low, region: .emea, age: 600),
        Row(subject: "FIPS mode: gitlab-rails fails to start after patch release", org: "Department of Field Services",
            plan: .usFederal, priority: .high, region: .amer, age: 100),
        Row(subject: "Air-gapped upgrade path from 15.11 to 17.x", org: "Department of Field Services",
            plan: .usFederal, priority: .low, region: .amer, age: 1500),
        Row(subject: "Runner registration tokens deprecated: migration help", org: "Federal Data Systems",
            plan: .usFederal, priority: .normal, region: .amer, age: 240),
        Row(subject: "Billing question from someone@gmail.com", org: nil, plan: .unknown, priority: .normal,
            region: .amer, age: 25),
        Row(subject: "Password reset emails not arriving", org: nil, plan: .unknown, priority: .low, region: .apac,
            age: 4),
        Row(subject: "Bitte um Rückruf: Lizenz für neue Tochterfirma", org: nil, plan: .unknown, priority: .normal,
            region: .emea, age: 17),
        Row(subject: "Disk usage on /var/opt/gitlab growing 50 GB a day", org: nil, plan: .unknown, priority: .high,
            region: nil, age: 2),
    ]

    /// Forty tickets waiting for a first reply, across plans, priorities and regions.
    static func tickets(now: Date) -> [Ticket] {
        rows.enumerated().map { index, row in
            Ticket(
                id: 512_600 + Int64(index) * 7, subject: row.subject, organization: row.org, plan: row.plan,
                priority: row.priority, status: row.paused ? .hold : (row.assignee == nil ? .new : .open),
                createdAt: minutes(-row.age, from: now), region: row.region, assignee: row.assignee,
                slaBreachAt: row.breachIn.map { minutes($0, from: now) }, slaPaused: row.paused)
        }
    }
}
