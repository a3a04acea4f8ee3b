/// A measurement that went wrong: the figure prints "n/a" with this reason.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
