/// The fields that differ between two versions of a record, as short `name=value` lists for the audit log.
enum FieldDiff {
    static func describe<T>(_ before: T?, _ after: T) -> (before: String?, after: String) {
        let newFields = fields(after)
        guard let before else {
            return (nil, newFields.filter { $0.value != "nil" && $0.value != "[]" }.map { "\($0.name)=\($0.value)" }
                .joined(separator: ", "))
        }
        let oldFields = fields(before)
        var was: [String] = []
        var now: [String] = []
        for (old, new) in zip(oldFields, newFields) where old.value != new.value && old.name != "revision" {
            was.append("\(old.name)=\(old.value)")
            now.append("\(new.name)=\(new.value)")
        }
        return (was.joined(separator: ", "), now.joined(separator: ", "))
    }

    private static func fields(_ value: Any) -> [(name: String, value: String)] {
        Mirror(reflecting: value).children.map { child in
            (child.label ?? "?", text(child.value))
        }
    }

    private static func text(_ value: Any) -> String {
        let raw = String(describing: value)
        let unwrapped: String
        if raw.hasPrefix("Optional("), raw.hasSuffix(")") {
            unwrapped = String(raw.dropFirst(9).dropLast())
        } else {
            unwrapped = raw
        }
        return unwrapped.count > 200 ? String(unwrapped.prefix(200)) + "…" : unwrapped
    }
}
