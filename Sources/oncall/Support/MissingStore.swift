/// A reading verb (`status`, `log`, `rota`, `handoff-report`, `dashboard`) was pointed at a store that does not
/// exist: most likely a typo in `--store`, which must not read as an empty shift with nothing to do.
struct MissingStore: Error, CustomStringConvertible {
    let path: String

    var description: String {
        "no store at \(path): nothing is recorded there (a typo in --store or ONCALL_STORE?); "
            + "run `oncall demo` to create a demo shift there, or name your store with --store PATH"
    }
}
