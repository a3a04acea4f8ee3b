import OnCallRules

/// A strict JSON parser over bytes. Never traps: bad UTF-8, deep nesting, huge or out-of-range numbers and
/// truncation all become a `JSONProblem` naming the path where parsing stopped.
struct JSONParser {
    /// Deeper documents are refused rather than risking the stack.
    static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var depth = 0
    private var keys: Set<String>?
    /// Where this slice starts in the whole input, for byte offsets in messages.
    private let baseOffset: Int

    private struct Failure: Error {
        var components: [JSONPath.Component]
        var reason: String
    }

    /// Parses exactly one value filling `bytes` (surrounding whitespace allowed).
    /// With `keys`, members of the outermost object not in the set are skipped unparsed (a big speed-up for
    /// ticket objects, whose long descriptions and id lists are never used).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, at path: JSONPath, baseOffset: Int = 0, keys: Set<String>? = nil
    ) throws(JSONProblem) -> JSONValue {
        var parser = JSONParser(bytes: bytes, baseOffset: baseOffset)
        parser.keys = keys
        do throws(Failure) {
            parser.skipWhitespace()
            let value = try parser.value()
            parser.skipWhitespace()
            if parser.pos < bytes.count { throw parser.fail("unexpected data after the value") }
            return value
        } catch {
            var p = path
            for c in error.components.reversed() {
                switch c {
                case .key(let k): p = p.appending(k)
                case .index(let i): p = p.appending(i)
                case .document: break
                }
            }
            throw JSONProblem(path: p, reason: error.reason)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int) {
        self.bytes = bytes
        self.baseOffset = baseOffset
    }

    private func fail(_ reason: String) -> Failure {
        if pos >= bytes.count { return Failure(components: [], reason: "unexpected end of input (truncated?)") }
        return Failure(components: [], reason: "malformed JSON at byte \(baseOffset + pos): \(reason)")
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard pos < bytes.count else { throw fail("expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else {
            pos = bytes.count
            throw fail("expected \(word)")
        }
        let start = word.utf8Start
        for i in 0..<count where bytes[pos + i] != start[i] { throw fail("expected \(word)") }
        pos += count
    }

    private mutating func object() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        pos += 1
        var result = JSONObject()
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(result)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a key string") }
            let key = try string()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            pos += 1
            skipWhitespace()
            if depth == 1, let keys, !keys.contains(key) {
                try skipValue()
                skipWhitespace()
                guard pos < bytes.count else { throw fail("expected ',' or '}'") }
                if bytes[pos] == UInt8(ascii: ",") {
                    pos += 1
                    continue
                } else if bytes[pos] == UInt8(ascii: "}") {
                    pos += 1
                    depth -= 1
                    return .object(result)
                }
                throw fail("expected ',' or '}'")
            }
            do {
                result.append(key, try value())
            } catch {
                var e = error
                e.components.append(.key(key))
                throw e
            }
            skipWhitespace()
            guard pos < bytes.count else { throw fail("expected ',' or '}'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                depth -= 1
                return .object(result)
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        pos += 1
        var result: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(result)
        }
        while true {
            skipWhitespace()
            do {
                result.append(try value())
            } catch {
                var e = error
                e.components.append(.index(result.count))
                throw e
            }
            skipWhitespace()
            guard pos < bytes.count else { throw fail("expected ',' or ']'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                depth -= 1
                return .array(result)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    /// Steps over one value without building it (balanced brackets and strings only; no recursion).
    private mutating func skipValue() throws(Failure) {
        guard pos < bytes.count else { throw fail("expected a value") }
        let first = bytes[pos]
        if first == UInt8(ascii: "\"") {
            try skipString()
            return
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            var nesting = 0
            while pos < bytes.count {
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    try skipString()
                    continue
                }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                    nesting += 1
                } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    nesting -= 1
                    if nesting == 0 {
                        pos += 1
                        return
                    }
                }
                pos += 1
            }
            throw fail("unterminated value")
        }
        let start = pos
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                if pos == start { throw fail("expected a value") }
                return
            default: pos += 1
            }
        }
    }

    private mutating func skipString() throws(Failure) {
        pos += 1
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: "\\"): pos += 2
            case UInt8(ascii: "\""):
                pos += 1
                return
            default: pos += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        let digitsStart = pos
        while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
        guard pos > digitsStart else { throw fail("expected digits") }
        var integral = true
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            integral = false
            pos += 1
            let fracStart = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            guard pos > fracStart else { throw fail("expected digits after '.'") }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            integral = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            let expStart = pos
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 { pos += 1 }
            guard pos > expStart else { throw fail("expected digits in the exponent") }
        }
        if integral {
            var value: Int64 = 0
            var overflow = false
            let negative = bytes[start] == UInt8(ascii: "-")
            for i in digitsStart..<pos {
                let digit = Int64(bytes[i] - 0x30)
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
                if o1 || o2 {
                    overflow = true
                    break
                }
                value = s
            }
            if !overflow { return .int(value) }
        }
        // Out of Int64 range or fractional: a double (huge exponents become infinity, which no field accepts).
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        return .number(Double(text) ?? .nan)
    }

    private mutating func string() throws(Failure) -> String {
        pos += 1
        let start = pos
        var plain = true
        // Fast path: no escapes and ASCII only.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                if plain { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else {
                    pos = start
                    throw fail("invalid UTF-8 in a string")
                }
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b >= 0x80 { plain = false }
            pos += 1
        }
        guard pos < bytes.count else { throw fail("unterminated string") }
        // Slow path: escapes present.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in a string") }
                return s
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                pos += 1
                continue
            }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800, scalar < 0xDC00 {
                    // A high surrogate needs its low half; a lone one becomes U+FFFD.
                    if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                        pos += 2
                        let low = try hex4()
                        if low >= 0xDC00, low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            appendScalar(0xFFFD, to: &out)
                            scalar = low >= 0xD800 && low < 0xE000 ? 0xFFFD : low
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00, scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                appendScalar(scalar, to: &out)
            default:
                pos -= 1
                throw fail("invalid escape in a string")
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count else {
            pos = bytes.count
            throw fail("truncated \\u escape")
        }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }

    private func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}
