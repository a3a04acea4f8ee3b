/// A usage problem found after parsing (a bad environment value, an unreadable file...).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
