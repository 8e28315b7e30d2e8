import InterchangeRuntime
import Testing

@Suite struct JSONReaderTests {
    let reader = JSONReader()

    @Test func numbersKeepTheirExactText() throws {
        let value = try reader.read(#"{"latitude": 72.1609700, "amount": 20.00, "big": 123456789012345678901234567890, "e": -1.5E+3}"#)
        #expect(value["latitude"] == .number(ExactNumber("72.1609700")!))
        #expect(JSONWriter().string(value) == #"{"latitude":72.1609700,"amount":20.00,"big":123456789012345678901234567890,"e":-1.5E+3}"#)
    }

    @Test func memberOrderIsKept() throws {
        let value = try reader.read(#"{"b":1,"a":2,"c":{"z":1,"y":2}}"#)
        #expect(JSONWriter().string(value) == #"{"b":1,"a":2,"c":{"z":1,"y":2}}"#)
    }

    @Test func duplicateKeysAreReportedWithTheirPosition() {
        #expect(throws: JSONReadError.self) { try reader.read("{\n  \"id\": 1,\n  \"id\": 2\n}") }
        do {
            _ = try reader.read("{\n  \"id\": 1,\n  \"id\": 2\n}")
        } catch {
            #expect(error.reason == .duplicateKey("id"))
            #expect(error.description == "3:3 (byte 15): duplicate key 'id'")
        }
    }

    @Test func duplicateKeysInLargeObjectsAreReported() {
        let members = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        do {
            _ = try reader.read("{\(members),\"k7\":0}")
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect(error.reason == .duplicateKey("k7"))
        }
    }

    @Test func nestingDeeperThanTheLimitIsRejected() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        do {
            _ = try reader.read(deep)
            Issue.record("expected a depth error")
        } catch {
            #expect(error.reason == .tooDeep(limit: 64))
            #expect(error.column == 65)
        }
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try reader.read(allowed) }
    }

    @Test func truncatedInputSaysWhatWasExpected() {
        let cases: [(String, String)] = [
            (#"{"parkCode": "4403"#, "1:19 (byte 18): input ends early: expected '\"' to close the string (truncated?)"),
            (#"{"parkCode": "4403","#, "1:21 (byte 20): input ends early: expected a key string (truncated?)"),
            (#"[1, 2"#, "1:6 (byte 5): input ends early: expected ',' or ']' (truncated?)"),
            ("", "1:1 (byte 0): input ends early: expected a value (truncated?)"),
            ("tru", "1:4 (byte 3): input ends early: expected 'true' (truncated?)"),
        ]
        for (text, expected) in cases {
            do {
                _ = try reader.read(text)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.description == expected)
            }
        }
    }

    @Test func invalidUTF8IsRejectedAtItsByte() {
        let bytes: [UInt8] = Array(#"{"name":"粤"#.utf8) + [0xFF, 0x22, 0x7D]
        do {
            _ = try reader.read(bytes)
            Issue.record("expected a UTF-8 error")
        } catch {
            #expect(error.reason == .invalidUTF8)
            #expect(error.offset == 12)
        }
    }

    @Test func malformedInputReportsLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\n  \"a\": 01\n}", "2:8 (byte 9): invalid number '01'"),
            ("{\"a\": -}", "1:7 (byte 6): invalid number '-'"),
            ("{\"a\": 1.}", "1:7 (byte 6): invalid number '1.'"),
            ("{\"a\": 'x'}", "1:7 (byte 6): unexpected ''': expected a value"),
            ("{\"a\": \"\\q\"}", "1:8 (byte 7): invalid escape sequence in string"),
            ("{\"a\": \"line\nbreak\"}", "1:12 (byte 11): unescaped control character in string"),
            ("{\"a\": 1} x", "1:10 (byte 9): unexpected content after the JSON value"),
            ("{\"a\" 1}", "1:6 (byte 5): unexpected '1': expected ':'"),
            ("[1,]", "1:4 (byte 3): unexpected ']': expected a value"),
        ]
        for (text, expected) in cases {
            do {
                _ = try reader.read(text)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.description == expected, "input: \(text)")
            }
        }
    }

    @Test func inputLargerThanTheLimitIsRejectedBeforeParsing() {
        let small = JSONReader(maxBytes: 8)
        do {
            _ = try small.read(#"{"a":"123456"}"#)
            Issue.record("expected a size error")
        } catch {
            #expect(error.reason == .tooLarge(size: 14, limit: 8))
        }
        #expect(JSONReader.defaultMaxBytes == 10_485_760)
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let value = try reader.read(#"["a\"b\\c\/d\n", "\u7CA4B", "\ud83d\ude97"]"#)
        #expect(value == .array([.string("a\"b\\c/d\n"), .string("粤B"), .string("🚗")]))
        #expect(throws: JSONReadError.self) { try reader.read(#"["\ud83d"]"#) }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try reader.read([0xEF, 0xBB, 0xBF] + Array("[true,false,null]".utf8)) == .array([.bool(true), .bool(false), .null]))
    }

    /// `[{},{},…]` packs a value into 3 bytes; the value count bounds the tree's memory.
    @Test func valuesBeyondTheLimitAreRejected() throws {
        let many = "[" + Array(repeating: "{}", count: 5000).joined(separator: ",") + "]"
        #expect(throws: JSONReadError.self) { try JSONReader(maxValues: 4096).read(many) }
        do {
            _ = try JSONReader(maxValues: 4096).read(many)
        } catch {
            #expect(error.description == "1:12287 (byte 12286): more than 4096 values, the limit for a message of this size")
        }
        #expect(try JSONReader(maxValues: 5001).read(many) != .null)
        #expect(JSONReader().maxValues == 655_360)
        #expect(JSONReader(maxBytes: 10).maxValues == 4096)
    }

    @Test func anEscapedNULIsRejected() throws {
        do {
            _ = try reader.read(#"{"plateNo":"粤B\u0000DROP"}"#)
            Issue.record("accepted")
        } catch {
            #expect(error.description == #"1:15 (byte 16): escaped NUL (\u0000) in string: refused, it cuts text short in C libraries and databases"#)
        }
        #expect(try reader.read(#""\u0001""#) == .string("\u{1}"))
    }
}
