/// Where a value sits in a document: `tickets[3].created_at`. A linked list so that descending is cheap.
final class JSONPath: Sendable, CustomStringConvertible {
    enum Component: Sendable {
        case key(String)
        case index(Int)
        /// The n-th document of a JSON Lines input (1-based).
        case document(Int)
    }

    let parent: JSONPath?
    let component: Component?

    init(parent: JSONPath?, component: Component?) {
        self.parent = parent
        self.component = component
    }

    /// The document root (printed as `$` when nothing is below it).
    static let root = JSONPath(parent: nil, component: nil)

    func appending(_ key: String) -> JSONPath { JSONPath(parent: self, component: .key(key)) }
    func appending(_ index: Int) -> JSONPath { JSONPath(parent: self, component: .index(index)) }

    /// The root of the n-th document (1-based) of a multi-document input; the first is plain `root`.
    static func document(_ n: Int) -> JSONPath { n <= 1 ? root : JSONPath(parent: nil, component: .document(n)) }

    var description: String {
        var parts: [Component] = []
        var node: JSONPath? = self
        while let n = node {
            if let c = n.component { parts.append(c) }
            node = n.parent
        }
        var prefix = ""
        var text = ""
        for part in parts.reversed() {
            switch part {
            case .key(let k):
                let plain = !k.isEmpty && k.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                let shown = plain ? k : "\"" + String(k.prefix(40)) + "\""
                text += text.isEmpty ? shown : "." + shown
            case .index(let i): text += "[\(i)]"
            case .document(let n): prefix = "document \(n) "
            }
        }
        return prefix + (text.isEmpty ? "$" : text)
    }
}
