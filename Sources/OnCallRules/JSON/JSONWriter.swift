import Foundation

/// Writes JSON straight into a byte buffer, member by member, without building a tree: large outputs can be
/// streamed (`drain` hands over what is written so far). `JSONValue.serialized` uses it too, so a tree and a
/// stream come out byte for byte the same. The caller keeps the structure well formed; the writer places the
/// commas, the colons and (with `pretty`) the line breaks and two-space indentation.
public struct JSONWriter {
    /// What has been written and not drained yet.
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// One entry per open object or array: whether it has no member yet.
    private var empty: [Bool] = []
    /// After `key`: the value follows on the same line, with no comma before it.
    private var afterKey = false

    public init(pretty: Bool = false, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands what is written so far to `sink` and forgets it (the buffer keeps its capacity).
    public mutating func drain(_ sink: ([UInt8]) throws -> Void) rethrows {
        guard !bytes.isEmpty else { return }
        try sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: structure

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next member's key; its value is the next thing written.
    public mutating func key(_ name: String) {
        separate()
        JSONText.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: scalars

    public mutating func string(_ text: String) {
        separate()
        JSONText.appendQuoted(text, to: &bytes)
    }

    public mutating func int(_ value: Int64) { raw(String(value)) }
    public mutating func int(_ value: Int) { raw(String(value)) }
    public mutating func number(_ value: Double) { raw(JSONText.number(value)) }
    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    public mutating func null() { raw("null") }

    /// A string, or `null`.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// An integer, or `null`.
    public mutating func int(_ value: Int64?) {
        if let value { int(value) } else { null() }
    }

    /// A UTC time in whole seconds, or `null`.
    public mutating func time(_ date: Date?) {
        if let date { raw("\"" + JSONText.time(date) + "\"") } else { null() }
    }

    /// A whole tree.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let object):
            beginObject()
            for member in object.members {
                key(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    /// A key and its value.
    public mutating func member(_ name: String, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    // MARK: layout

    private mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    /// Before a value or a key: the comma after the previous member and, pretty, the line break and indent.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = empty.indices.last else { return }
        if !empty[last] { bytes.append(UInt8(ascii: ",")) }
        empty[last] = false
        newline(depth: empty.count)
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.popLast() ?? true
        if !wasEmpty { newline(depth: empty.count) }
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }
}
