import InterchangeRuntime
import TestSupport
import Testing

@Suite struct JSONWriterTests {
    /// DB4403 Annex D.1: the sign is SHA1 of the key-sorted compact JSON, lower-case hex.
    @Test func d1SignVectorThroughTheCanonicalWriter() throws {
        let received = #"{ "userId": "cadre01", "password": "205af3fa28810be321ef49d0993fee24", "callbackServer": "http://www.cncadre.com/" }"#
        let canonical = JSONWriter.canonical.string(try JSONReader().read(received))
        #expect(canonical == #"{"callbackServer":"http://www.cncadre.com/","password":"205af3fa28810be321ef49d0993fee24","userId":"cadre01"}"#)
        #expect(try Digest.sha1.hex(Array(canonical.utf8)) == "59f5688227e06ae8059cba5286a700c95103353b")
    }

    @Test func keyOrderModes() throws {
        let value = try JSONReader().read(#"{"b":{"y":1,"x":2},"a":[{"d":1,"c":2}]}"#)
        #expect(JSONWriter(keyOrder: .asGiven).string(value) == #"{"b":{"y":1,"x":2},"a":[{"d":1,"c":2}]}"#)
        #expect(JSONWriter(keyOrder: .sortedTopLevel).string(value) == #"{"a":[{"d":1,"c":2}],"b":{"y":1,"x":2}}"#)
        #expect(JSONWriter(keyOrder: .sortedRecursively).string(value) == #"{"a":[{"c":2,"d":1}],"b":{"x":2,"y":1}}"#)
    }

    @Test func keysSortByCodePointNotLocale() throws {
        let value = try JSONReader().read(#"{"b":1,"B":2,"_":3,"车":4,"a":5}"#)
        #expect(JSONWriter.canonical.string(value) == #"{"B":2,"_":3,"a":5,"b":1,"车":4}"#)
    }

    /// Keys are ordered by their first eight bytes as a number and only ties compared whole:
    /// keys alike in eight bytes, shorter ones, a NUL, and a multi-byte character at the eighth.
    @Test func keysAlikeInTheirFirstEightBytesSortByTheRest() throws {
        let keys = ["abcdefghZ", "abcdefg中", "abcdefghA", "abcdefgz", "abc", "", "a\u{0}b", "a", "abcdefgh", "a\u{0}"]
        let value = JSONValue.object(JSONObject(keys.enumerated().map { JSONObject.Member($0.element, .number(ExactNumber($0.offset))) }))
        let written = JSONWriter.canonical.string(value)
        #expect(written == #"{"":5,"a":7,"a\u0000":9,"a\u0000b":6,"abc":4,"abcdefgh":8,"abcdefghA":2,"abcdefghZ":0,"abcdefgz":3,"abcdefg中":1}"#)
        // The tape writes the same from the text (which the reader takes only without NUL).
        let readable = JSONValue.object(JSONObject(keys.enumerated().filter { !$0.element.contains("\u{0}") }.map { JSONObject.Member($0.element, .number(ExactNumber($0.offset))) }))
        var fromTape: [UInt8] = []
        try JSONReader().tape(Array(JSONWriter().bytes(readable))).write(keyOrder: .sortedRecursively, into: &fromTape)
        #expect(String(decoding: fromTape, as: UTF8.self) == #"{"":5,"a":7,"abc":4,"abcdefgh":8,"abcdefghA":2,"abcdefghZ":0,"abcdefgz":3,"abcdefg中":1}"#)
    }

    @Test func stringsEscapeOnlyWhatJSONRequires() {
        let value = JSONValue.string("粤B \"x\" \\ / \n\t\u{01}")
        #expect(JSONWriter().string(value) == #""粤B \"x\" \\ / \n\t\u0001""#)
    }

    /// Eight bytes are checked at once: every character that needs escaping, at every offset
    /// of strings up to 40 bytes, among ASCII and multi-byte text, is escaped as a byte-by-byte
    /// writer would, and the reader reads the text back.
    @Test func escapesAreFoundAtEveryOffsetOfAWord() throws {
        var random = SeededRandom(seed: 0x5C22)
        let plain: [String] = ["a", "Z", "0", " ", "~", "\u{7F}", "é", "中", "😀"]
        let special: [String] = ["\"", "\\", "\n", "\t", "\u{0}", "\u{1F}", "\u{1}"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                let pool = Int.random(in: 0..<8, using: &random) == 0 ? special : plain
                text += pool[Int.random(in: 0..<pool.count, using: &random)]
            }
            var expected = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\t": expected += "\\t"
                case "\r": expected += "\\r"
                case let control where control.value < 0x20:
                    let hex = String(control.value, radix: 16)
                    expected += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: expected.unicodeScalars.append(scalar)
                }
            }
            expected += "\""
            let written = JSONWriter().string(.string(text))
            #expect(written == expected, "\(Array(text.utf8))")
            // The reader refuses an escaped NUL; everything else reads back.
            if !text.contains("\u{0}") { #expect(try JSONReader().read(written) == .string(text)) }
        }
    }

    @Test func readWriteRoundTripIsByteExactForCompactInput() throws {
        let text = #"{"id":"C78E319DAB604A268842ACF164774592","receivables":20.00,"list":[1,2.50,-0.0,1e5],"ok":true,"n":null}"#
        #expect(JSONWriter().string(try JSONReader().read(text)) == text)
    }
}
