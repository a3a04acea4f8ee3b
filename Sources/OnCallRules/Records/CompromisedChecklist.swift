/// The handbook's recovery steps for a compromised instance, ticked off on the emergency.
public enum CompromisedChecklist {
    /// One recovery step: a stable id (stored in `Emergency.checklistDone`) and what to do.
    public struct Item: Sendable, Equatable, Codable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// In the order the handbook gives them.
    public static let items: [Item] = [
        Item(id: "restore-backup", title: "Shut down the instance and restore the last good backup"),
        Item(id: "upgrade", title: "Upgrade before exposing it to the Internet again"),
        Item(id: "audit-users", title: "Audit users"),
        Item(id: "audit-code", title: "Audit code"),
        Item(id: "audit-webhooks", title: "Audit webhooks"),
        Item(id: "audit-runners", title: "Audit runners"),
        Item(id: "audit-settings", title: "Audit settings"),
    ]

    /// The item with this id, if any.
    public static func item(_ id: String) -> Item? { items.first { $0.id == id } }
}
