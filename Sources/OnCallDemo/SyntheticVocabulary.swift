/// Word lists the synthetic records are made from: GitLab support topics, customers, people.
enum SyntheticVocabulary {
    static let topics = [
        "Runners stuck in pending", "502 errors after upgrade", "Geo secondary not syncing", "LDAP sync failing",
        "License seats overage on true-up", "Renewal license will not apply", "Container registry returns 500",
        "Sidekiq queues backing up", "SAML SSO login loop", "Praefect replication lag", "Backup rake task fails",
        "Merge request diffs fail to load", "Webhooks time out", "Import from GitHub stuck", "SSH clone hangs",
        "Personal access tokens expired", "Pipeline emails sent twice", "Elasticsearch reindex slow",
        "Gitaly out of disk", "Kubernetes agent disconnects", "Pages deploy fails", "npm publish returns 403",
        "Pull mirror TLS handshake error", "gitlab-ctl reconfigure fails", "Windows runner ignores PowerShell",
        "Dependency scanning fails", "Audit events API 500", "FIPS mode start failure", "Air-gapped upgrade path",
        "CI minutes quota not reset", "2FA recovery", "Group export fails", "Disk usage growing fast",
        "Puma workers killed by OOM", "PostgreSQL upgrade stalls", "Object storage migration errors",
        "Push mirror stopped 🔥", "Fehler beim Spiegeln", "Le runner ne démarre plus", "リポジトリが同期されない",
    ]
    static let contexts = [
        "on 17.3", "since Monday", "after failover", "for all users", "on one project", "in production",
        "on the HA cluster", "on GitLab.com", "after patch release", "intermittently", "for the EU site",
        "with Helm chart", "on Omnibus single node", "during peak hours",
    ]
    static let orgPrefixes = [
        "Nordlicht", "Atlas", "Helios", "Fjordkraft", "Kobayashi", "Banco Austral", "Stadtwerke", "Paperplane",
        "Coastal", "Tessellate", "Orion", "Blue Ridge", "Kiwi Orchard", "Groupe Lumière", "Müller & Söhne",
        "São Paulo", "Aurora", "Meridian", "Cascadia", "Sakura", "Andes", "Baltic", "Sahara", "Tundra",
        "Zenith", "Polaris", "Nimbus", "Vertex", "Quantum", "Harbor",
    ]
    static let orgKinds = [
        "Logistik GmbH", "Freight Inc.", "Analytics AS", "Software Ltd", "Bank S.A.", "Health Partners",
        "Robotics 株式会社", "Energy", "Studio", "Avionics", "Systems LLC", "Maschinenbau AG",
    ]
    static let engineers = [
        "Amara Osei", "Lucía Fernández", "Oskar Nilsson", "Mateus Oliveira", "Yuki Sato", "Hannah Becker",
        "Rahul Mehta", "Chloé Dubois", "Tomás Ó Briain", "Wei Zhang", "Fatima Al-Sayed", "Jonas Lindqvist",
        "Ngozi Adeyemi", "Søren Kjær", "Ana Lima", "Ravi Iyer", "Emily Carter", "Kofi Mensah", "Li Na", "Ivan Petrov",
    ]
    static let managers = [
        "Aroha Ngata", "Kenji Watanabe", "Zoë Ångström", "Sébastien Moreau", "Dana Whitfield", "Marcus Okafor",
        "Priya Raghunathan", "Inês Duarte",
    ]

    static let organizations: [String] = orgPrefixes.flatMap { prefix in orgKinds.map { "\(prefix) \($0)" } }
}
