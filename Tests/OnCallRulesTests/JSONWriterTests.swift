import Foundation
import OnCallRules
import Testing

@Suite struct JSONWriterTests {
    @Test func escaperEscapesQuotesBackslashesAndEveryControlCharacter() {
        #expect(JSONText.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONText.quoted("l1\nl2\r\t") == #""l1\nl2\r\t""#)
        #expect(JSONText.quoted("\u{1B}[31m\u{7F}\u{85}\u{9F}") == #""\u001b[31m\u007f\u0085\u009f""#)
        #expect(JSONText.quoted("café ✓ 日本 🚨 \u{A0}") == "\"café ✓ 日本 🚨 \u{A0}\"")
        #expect(JSONText.quoted(nil as String?) == "null")
    }

    @Test func escapedTextParsesBackToTheSameString() throws {
        let tricky = "x\u{0}\u{1F}\"\\/\u{7F}\u{80}é\u{2028}🚨"
        let data = Data(JSONValue.array([.string(tricky)]).serialized().utf8)
        let back = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        #expect(back == [tricky])
    }

    @Test func numbersNullsAndTimes() {
        #expect(JSONText.number(3) == "3")
        #expect(JSONText.number(1.5) == "1.5")
        #expect(JSONText.number(.nan) == "null")
        #expect(JSONText.number(.infinity) == "null")
        let at = Date(timeIntervalSince1970: 1_764_000_000.75)
        #expect(JSONValue.time(at).serialized() == #""2025-11-24T16:00:00Z""#)
        #expect(JSONValue.time(nil).serialized() == "null")
        #expect(JSONText.time(at, milliseconds: true) == "2025-11-24T16:00:00.750Z")
    }

    @Test func treeAndStreamWriteTheSameBytes() {
        let tree: JSONValue = .object([
            ("id", .int(7)), ("title", .string("a \"b\"")), ("owner", .null), ("labels", .strings(["x", "y"])),
            ("empty", .array([])), ("nested", .object([("ok", .bool(true)), ("none", .object([]))])),
        ])
        for pretty in [false, true] {
            var w = JSONWriter(pretty: pretty)
            w.beginObject()
            w.key("id")
            w.int(7)
            w.key("title")
            w.string("a \"b\"")
            w.key("owner")
            w.string(nil as String?)
            w.key("labels")
            w.beginArray()
            w.string("x")
            w.string("y")
            w.endArray()
            w.member("empty", .array([]))
            w.key("nested")
            w.beginObject()
            w.key("ok")
            w.bool(true)
            w.member("none", .object([]))
            w.endObject()
            w.endObject()
            #expect(w.text == tree.serialized(pretty: pretty))
        }
        #expect(tree.serialized() == #"{"id":7,"title":"a \"b\"","owner":null,"labels":["x","y"],"empty":[],"nested":{"ok":true,"none":{}}}"#)
        #expect(JSONValue.object([("a", .array([.int(1)]))]).serialized(pretty: true) == "{\n  \"a\": [\n    1\n  ]\n}")
    }

    @Test func drainHandsOverWhatIsWrittenAndKeepsTheCommas() {
        var w = JSONWriter()
        var out: [UInt8] = []
        w.beginArray()
        w.int(1)
        w.drain { out += $0 }
        #expect(w.bytes.isEmpty)
        w.int(2)
        w.endArray()
        w.drain { out += $0 }
        #expect(String(decoding: out, as: UTF8.self) == "[1,2]")
    }

    @Test func objectLookupAnswersTheLastRepeatedKeyAndSettingReplaces() {
        var o = JSONObject()
        o.append("k", .int(1))
        o.append("k", .int(2))
        #expect(o["k"] == .int(2))
        o["k"] = .string("x")
        #expect(o.count == 1)
        o["k"] = nil
        #expect(o.isEmpty)
        #expect(JSONValue.object([("a", .int(1))]) != JSONValue.object([("a", .int(2))]))
    }
}
