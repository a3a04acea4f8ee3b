/// Lets the global options come before the verb, as the CLI contract spells it
/// (`oncall --store PATH --now ISO --as NAME status --json`). The parser only knows them as options of each
/// verb (and of the default `dashboard`), so leading ones are moved behind the verb's own arguments.
enum GlobalOptionPlacement {
    /// The global options that take a value.
    static let names: Set<String> = ["--store", "--config", "--as", "--now"]

    /// `arguments` without the program name. Leading global options (`--store P` or `--store=P`) move to
    /// the end, before a `--` terminator if there is one; everything else keeps its order.
    static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if names.contains(word), index + 1 < arguments.endIndex {
                leading += [word, arguments[index + 1]]
                index += 2
            } else if let equals = word.firstIndex(of: "="), names.contains(String(word[..<equals])) {
                leading.append(word)
                index += 1
            } else {
                break
            }
        }
        var rest = Array(arguments[index...])
        guard !leading.isEmpty, !rest.isEmpty else { return arguments }
        let terminator = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: terminator)
        return rest
    }
}
