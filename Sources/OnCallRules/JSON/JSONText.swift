import Foundation

/// The one JSON string escaper and the number and time spellings, shared by `JSONWriter` (and so by
/// `JSONValue.serialized`) and by the few writers that assemble JSON text by hand (generated payloads).
public enum JSONText {
    /// `text` as a JSON string literal. Control characters (C0, DEL and the C1 range) are escaped, so JSON
    /// output is safe to show in a terminal too; everything else is copied as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal, or `null`.
    public static func quoted(_ text: String?) -> String { text.map { quoted($0) } ?? "null" }

    /// Appends `text` as a JSON string literal to `out`.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            var copied = 0
            while i < bytes.count {
                let b = bytes[i]
                // C1 controls (U+0080...U+009F) are 0xC2 0x80...0x9F in UTF-8.
                let c1 = b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] >= 0x80 && bytes[i + 1] < 0xA0
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || c1 else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default: appendUnicodeEscape(c1 ? UInt32(bytes[i + 1]) : UInt32(b), to: &out)
                }
                i += c1 ? 2 : 1
                copied = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ value: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, UInt8(ascii: "u"), hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)]])
        out.append(contentsOf: [hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]])
    }

    /// A JSON number: integral values below 1e15 without a fraction, others as Swift prints them; JSON has no
    /// infinity or NaN, so those are `null`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A UTC time as written in JSON: `2026-11-27T14:02:00Z`, whole seconds unless `milliseconds`.
    public static func time(_ date: Date, milliseconds: Bool = false) -> String {
        milliseconds ? UTCStamp.iso(date, milliseconds: true) : UTCStamp.wholeSeconds(date)
    }
}
