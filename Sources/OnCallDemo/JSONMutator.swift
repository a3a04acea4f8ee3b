/// Hostile, deterministic edits of vendor payloads for fuzzing the importers: truncation, byte flips, wrong
/// types, huge strings, deep nesting, invalid UTF-8, duplicate keys, out-of-range numbers. Shared by the library
/// fuzz and the fuzz through `oncall import`, so both try the same mutations.
public enum JSONMutator {
    /// One mutation of `input`, chosen by `rng`.
    public static func mutate(_ input: [UInt8], rng: inout SplitMix64) -> [UInt8] {
        var b = input
        guard !b.isEmpty else { return b }
        let at = Int.random(in: 0..<b.count, using: &rng)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: b.removeSubrange(at...)
        case 1: b[at] = UInt8.random(in: 0...255, using: &rng)
        case 2: b.insert(contentsOf: Array("99999999999999999999999".utf8), at: at)
        case 3: b.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
        case 4: b.insert(contentsOf: Array(String(repeating: "[", count: 600).utf8), at: at)
        case 5:
            // A duplicate key right after an existing one.
            if let q = b[at...].firstIndex(of: UInt8(ascii: ":")) {
                b.insert(contentsOf: Array("{\"x\":[1,true,null]}, \"dup\":".utf8), at: q + 1)
            }
        case 6:
            if let q = b[at...].firstIndex(of: UInt8(ascii: "\"")) {
                b.insert(contentsOf: Array(String(repeating: "A", count: 100_000).utf8), at: q + 1)
            }
        case 7:
            // Replace a value with a value of another type.
            if let q = b[at...].firstIndex(of: UInt8(ascii: ":")) {
                b.insert(contentsOf: Array(" 12,\"was\":".utf8), at: q + 1)
            }
        default:
            b.removeSubrange(at..<min(b.count, at + 7))
        }
        return b
    }
}
