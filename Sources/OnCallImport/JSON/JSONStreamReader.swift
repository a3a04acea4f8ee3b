import OnCallRules

/// Receives the pieces of each document as `JSONStreamReader` splits them.
protocol JSONDocumentHandler {
    /// Keys of a top-level object whose array value is handed over element by element.
    var streamedKeys: Set<String> { get }
    /// When set, only these members of each streamed element are parsed; the rest are stepped over.
    var elementKeys: Set<String>? { get }
    /// One element of a streamed array (`key` nil for a top-level array), parsed on its own.
    mutating func element(_ node: JSONNode, key: String?, index: Int) throws
    /// The end of a document: everything that was not streamed (an object without the streamed arrays, or
    /// `.array([])` for a top-level array), plus the streamed keys met.
    mutating func endDocument(_ envelope: JSONNode, streamed: Set<String>) throws
}

/// Splits an input into documents (one JSON value, or several for JSON Lines) and the big arrays in them into
/// elements, reading in chunks, so that only one element is held as bytes at a time.
struct JSONStreamReader {
    /// A single value bigger than this is refused.
    static let maxValueBytes = 256 << 20

    private let input: ImportInput
    private var buffer: [UInt8] = []
    /// Next unread byte in `buffer`.
    private var pos = 0
    /// Bytes dropped from the front of `buffer` so far (for byte offsets).
    private var dropped = 0
    private var eof = false
    /// The most bytes buffered at once (tests check that big inputs really stream).
    private(set) var peakBufferBytes = 0

    init(input: ImportInput) {
        self.input = input
    }

    /// Reads until at least `count` bytes are buffered (or the input ends) and returns them, without consuming.
    mutating func peek(_ count: Int) throws -> ArraySlice<UInt8> {
        while buffer.count - pos < count, try fill() {}
        return buffer[pos..<min(buffer.count, pos + count)]
    }

    /// Reads every document, calling the handler. Throws `JSONProblem` for bad JSON, or what the handler throws.
    mutating func run(_ handler: inout some JSONDocumentHandler) throws {
        var document = 0
        skipBOM()
        while true {
            guard let first = try nextNonSpace() else { break }
            document += 1
            let root = JSONPath.document(document)
            switch first {
            case UInt8(ascii: "{"): try readObject(root: root, handler: &handler)
            case UInt8(ascii: "["): try readArray(key: nil, path: root, handler: &handler)
            default:
                let value = try readValue(path: root)
                try handler.endDocument(JSONNode(value, path: root), streamed: [])
            }
        }
        if document == 0 { throw JSONProblem(path: .root, reason: "empty input (expected a JSON document)") }
    }

    // MARK: documents

    private mutating func readObject(root: JSONPath, handler: inout some JSONDocumentHandler) throws {
        pos += 1
        var envelope = JSONObject()
        var streamed: Set<String> = []
        guard var b = try nextNonSpace() else { throw truncated(root) }
        if b == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                guard b == UInt8(ascii: "\"") else { throw malformed(root, "expected a key string") }
                let keyValue = try readValue(path: root)
                guard case .string(let key) = keyValue else { throw malformed(root, "expected a key string") }
                guard let colon = try nextNonSpace() else { throw truncated(root.appending(key)) }
                guard colon == UInt8(ascii: ":") else { throw malformed(root.appending(key), "expected ':'") }
                pos += 1
                guard let start = try nextNonSpace() else { throw truncated(root.appending(key)) }
                if start == UInt8(ascii: "["), handler.streamedKeys.contains(key) {
                    streamed.insert(key)
                    envelope[key] = nil
                    try readArray(key: key, path: root.appending(key), handler: &handler)
                } else {
                    envelope[key] = try readValue(path: root.appending(key))
                    streamed.remove(key)  // a duplicate key that is not an array replaces the streamed one
                }
                guard let sep = try nextNonSpace() else { throw truncated(root) }
                pos += 1
                if sep == UInt8(ascii: "}") { break }
                guard sep == UInt8(ascii: ",") else {
                    pos -= 1
                    throw malformed(root, "expected ',' or '}'")
                }
                guard let next = try nextNonSpace() else { throw truncated(root) }
                b = next
            }
        }
        compact()
        try handler.endDocument(JSONNode(.object(envelope), path: root), streamed: streamed)
    }

    private mutating func readArray(key: String?, path: JSONPath, handler: inout some JSONDocumentHandler) throws {
        pos += 1
        var index = 0
        guard var b = try nextNonSpace() else { throw truncated(path) }
        if b == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                _ = b
                let elementPath = path.appending(index)
                let value = try readValue(path: elementPath, keys: handler.elementKeys)
                try handler.element(JSONNode(value, path: elementPath), key: key, index: index)
                index += 1
                compact()
                guard let sep = try nextNonSpace() else { throw truncated(path) }
                pos += 1
                if sep == UInt8(ascii: "]") { break }
                guard sep == UInt8(ascii: ",") else {
                    pos -= 1
                    throw malformed(path, "expected ',' or ']'")
                }
                guard let next = try nextNonSpace() else { throw truncated(path) }
                b = next
            }
        }
        if key == nil {
            try handler.endDocument(JSONNode(.array([]), path: path), streamed: [])
        }
    }

    /// Finds the end of the value starting at `pos` (reading more as needed), parses it and consumes it.
    private mutating func readValue(path: JSONPath, keys: Set<String>? = nil) throws -> JSONValue {
        let end = try scanValueEnd(path: path)
        let start = pos
        let offset = dropped + start
        let value = try buffer.withUnsafeBufferPointer { all throws(JSONProblem) in
            try JSONParser.parse(
                UnsafeBufferPointer(rebasing: all[start..<end]), at: path, baseOffset: offset, keys: keys)
        }
        pos = end
        return value
    }

    private mutating func scanValueEnd(path: JSONPath) throws -> Int {
        var i = pos
        let first = buffer[i]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") {
            var depth = 0
            var inString = false
            var escape = false
            while true {
                while i < buffer.count {
                    let b = buffer[i]
                    i += 1
                    if inString {
                        if escape {
                            escape = false
                        } else if b == UInt8(ascii: "\\") {
                            escape = true
                        } else if b == UInt8(ascii: "\"") {
                            inString = false
                            if depth == 0 { return i }
                        }
                    } else if b == UInt8(ascii: "\"") {
                        inString = true
                    } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                        depth += 1
                    } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                        depth -= 1
                        if depth <= 0 { return i }
                    }
                }
                if i - pos > Self.maxValueBytes {
                    throw JSONProblem(path: path, reason: "a single value larger than \(Self.maxValueBytes >> 20) MB")
                }
                let before = pos
                guard try fill() else { return buffer.count }  // the parser reports the truncation precisely
                i -= before - pos  // fill may compact the buffer
            }
        }
        // A scalar ends at a delimiter or at the end of the input.
        while true {
            while i < buffer.count {
                switch buffer[i] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09: return i
                default: i += 1
                }
            }
            if i - pos > Self.maxValueBytes {
                throw JSONProblem(path: path, reason: "a single value larger than \(Self.maxValueBytes >> 20) MB")
            }
            let before = pos
            guard try fill() else { return buffer.count }
            i -= before - pos
        }
    }

    // MARK: buffer

    /// Appends the next chunk; false at the end of the input. May move unread bytes to the front.
    private mutating func fill() throws -> Bool {
        if eof { return false }
        guard let chunk = try input.read() else {
            eof = true
            return false
        }
        compact()
        buffer.append(contentsOf: chunk)
        peakBufferBytes = max(peakBufferBytes, buffer.count)
        return true
    }

    /// Drops consumed bytes once they are a good share of the buffer.
    private mutating func compact() {
        if pos > 1 << 20 && pos * 2 > buffer.count {
            buffer.removeSubrange(0..<pos)
            dropped += pos
            pos = 0
        }
    }

    private mutating func nextNonSpace() throws -> UInt8? {
        while true {
            while pos < buffer.count {
                let b = buffer[pos]
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return b }
            }
            guard try fill() else { return nil }
        }
    }

    private mutating func skipBOM() {
        if let prefix = try? peek(3), prefix.elementsEqual([0xEF, 0xBB, 0xBF]) { pos += 3 }
    }

    private func truncated(_ path: JSONPath) -> JSONProblem {
        JSONProblem(path: path, reason: "unexpected end of input (truncated?)")
    }

    private func malformed(_ path: JSONPath, _ what: String) -> JSONProblem {
        JSONProblem(path: path, reason: "malformed JSON at byte \(dropped + pos): \(what)")
    }
}
