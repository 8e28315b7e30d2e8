import Foundation
import InterchangeRuntime
import TestSupport
import Testing

/// The tape reader against the tree reader: for every fixture, seed and payload of the
/// repository, for thousands of seeded mutations of them and for the hard cases, a text reads
/// as a tape exactly when it reads as a tree, the tape's value is the tree, and a refusal is
/// the same refusal at the same byte, line and column. (Until the tree reader is replaced.)
@Suite struct JSONTapeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every JSON text in Tests/Fixtures, the fuzz seeds and the benchmark payloads.
    static let corpus: [[UInt8]] = {
        var texts: [[UInt8]] = []
        for folder in ["Tests/Fixtures", "Tests/Fuzz/Seeds", "Tests/Fuzz/Regressions", "Benchmarks/payloads"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["json", "jsonl", ""].contains(url.pathExtension) {
                if let data = FileManager.default.contents(atPath: url.path), !data.isEmpty, data.count < 2_000_000 { texts.append(Array(data)) }
            }
        }
        return texts
    }()

    /// Both readers agree on `text`: the same value, or the same error.
    func agree(_ text: [UInt8], reader: JSONReader = JSONReader(), _ comment: @autoclosure () -> String = "") {
        let tree = Result { () throws(JSONReadError) in try reader.read(text) }
        let tape = Result { () throws(JSONReadError) in try reader.tape(text) }
        switch (tree, tape) {
        case (.success(let value), .success(let tape)):
            #expect(tape.value() == value, "\(comment())")
        case (.failure(let expected), .failure(let error)):
            #expect(error == expected, "\(comment())")
        case (.success, .failure(let error)):
            Issue.record("the tape refused what the tree read: \(error) — \(comment())")
        case (.failure(let error), .success):
            Issue.record("the tape read what the tree refused: \(error) — \(comment())")
        }
    }

    @Test func everyTextOfTheRepositoryReadsAlike() {
        #expect(Self.corpus.count > 100)
        for text in Self.corpus { agree(text, String(decoding: text.prefix(80), as: UTF8.self)) }
    }

    @Test func seededMutationsReadAlike() {
        var random = SeededRandom(seed: 0x7A9E)
        let pieces: [[UInt8]] = ["\"", "\\", "\\u", "\\u0041", "\\ud83d", "\\ude00", "\\u0000", "{", "}", "[", "]", ",", ":", "1e", "-0", "\u{00e9}", "\n", "null", "tru"].map { Array($0.utf8) }
            + [[0xFF], [0xC3], [0xE4, 0xB8], [0x01], [0xEF, 0xBB, 0xBF]]
        let sources = Self.corpus.filter { $0.count < 4_000 }
        for round in 0..<3_000 {
            var text = sources[Int(random.next() % UInt64(sources.count))]
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = Int(random.next() % UInt64(text.count + 1))
                switch random.next() % 3 {
                case 0: text.insert(contentsOf: pieces[Int(random.next() % UInt64(pieces.count))], at: at)
                case 1: if at < text.count { text.remove(at: at) }
                default: text = Array(text.prefix(at))
                }
            }
            agree(text, "round \(round): \(String(decoding: text.prefix(120), as: UTF8.self))")
        }
    }

    @Test func hardCasesReadAlike() {
        let cases = [
            #"{"A":1,"\u0041":2}"#, #"{"\u0041":1,"A":2}"#, #"{"a":1,"b":2,"a":3}"#, #"["\ud83d\ude00","\ud83d"]"#, #""\u0000""#,
            #""\x""#, #""abc"#, "\"a\u{01}b\"", "\u{FEFF}[1]", "[1,]", "{\"a\" 1}", "01", "-", "1.", "1e+", "[]  x", "",
            #"{"k":[{"k":[{"k":[]}]}],"l":{}}"#, #"[true,false,null,"é",1.50e3]"#,
        ]
        for text in cases { agree(Array(text.utf8), text) }
        agree(Array(String(repeating: "[", count: 70).utf8) + Array(String(repeating: "]", count: 70).utf8), "70 deep")
        agree(Array(("[" + Array(repeating: "0", count: 5_000).joined(separator: ",") + "]").utf8), reader: JSONReader(maxBytes: 20_000, maxValues: 4_096), "past maxValues")
        agree(Array(#"{"a":1}"#.utf8), reader: JSONReader(maxBytes: 4), "past maxBytes")
        for bytes: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0xF8], [0x80]] {
            // Each bad sequence after 9 ASCII bytes (the word-at-a-time skip) and alone.
            agree([0x22] + Array("abcdefghi".utf8) + bytes + [0x22], "\(bytes)")
            agree([0x22] + bytes + Array("中".utf8) + [0x22], "\(bytes)")
        }
        let manyKeys = "{" + (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":0}"
        agree(Array(manyKeys.utf8), "a duplicate past 64 members")
        // Past 64 keys both readers hash keys instead of scanning (100,000 keys took 11 s on the
        // tape before); a duplicate there is found by its text, escaped or not.
        let hugeObject = (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        agree(Array(("{" + hugeObject + "}").utf8), "100,000 keys")
        agree(Array(("{" + hugeObject + #","k\u0037":0}"#).utf8), "an escaped duplicate among 100,000 keys")
        agree(Array(("{" + hugeObject + #","k99999":0}"#).utf8), "the last key repeated")
        // Keys are compared as text (UTF-8 after unescaping), not by canonical equivalence.
        agree(Array("{\"\u{00E9}\":1,\"e\u{0301}\":2}".utf8), "é twice, composed and decomposed")
        let decomposedKeys = (0..<70).map { "\"\($0)\":\($0)" }.joined(separator: ",")
        agree(Array("{\(decomposedKeys),\"\u{00E9}\":1,\"e\u{0301}\":2}".utf8), "é twice past 64 keys")
        #expect(throws: JSONReadError.self) { try JSONReader().tape(Array(("{" + hugeObject + #","k5":0}"#).utf8)) }
    }

    @Test func theTapeNamesEachValuesBytesAndSkipsContainers() throws {
        let text = Array(#"{"a":[1,"x\ny"],"b":{"c":null},"d":-2.50}"#.utf8)
        let tape = try JSONReader().tape(text)
        #expect(tape.entries.map(\.kind) == [.object, .string, .array, .number, .string, .string, .object, .string, .null, .string, .number])
        #expect(tape.entries[0].count == 3)
        #expect(MemoryLayout<JSONTape.Entry>.stride == 12)
        #expect(tape.entries[2].count == 2)
        #expect(tape.entries[2].next == 5, "the entry after the array is key b")
        #expect(tape.string(at: 3) == nil, "a number is no string")
        #expect(tape.string(at: 5) == "b")
        #expect(tape.string(at: 4) == "x\ny")
        #expect(tape.entries[4].hasEscapes)
        #expect(String(decoding: text[Int(tape.entries[10].start)..<Int(tape.entries[10].end)], as: UTF8.self) == "-2.50")
        #expect(tape.member("d") == 10)
        #expect(tape.member("b") == 6)
        #expect(tape.member("c", of: 6) == 8)
        #expect(tape.member("c") == nil, "members of nested objects are not the outer object's")
        #expect(tape.member("a", of: 2) == nil, "an array has no members")
        let escaped = try JSONReader().tape(Array(#"{"type":"WORK_DATA"}"#.utf8))
        #expect(escaped.member("type").flatMap(escaped.string(at:)) == "WORK_DATA")
    }
}

/// Writing from the tape is writing the tree: every key order, every text of the repository
/// and every mutation that reads.
@Suite struct JSONTapeWritingTests {
    @Test func theTapeWritesWhatTheWriterWritesFromTheTree() {
        var random = SeededRandom(seed: 0x51C)
        var texts = JSONTapeTests.corpus
        texts += [#"{"b":"\u00e9\/\"","a":{"d":[1,{"z":1,"y":"\u4e2d"}],"c":-0.50e+3},"\u0061a":true}"#, #"["x\ty",{"é":1,"e":2,"\u00e9\u0301":3}]"#,
            // Keys alike in their first eight bytes, shorter than eight, escaped, and multi-byte at the eighth.
            #"{"abcdefghZ":1,"abcdefghA":2,"abcdefgh":3,"abc":4,"ab\u0063e":5,"":6,"abcdefg中":7,"abcdefgz":8}"#].map { Array($0.utf8) }
        for _ in 0..<500 {
            guard var text = texts.randomElement(using: &random), !text.isEmpty else { continue }
            text.remove(at: Int(random.next() % UInt64(text.count)))
            texts.append(text)
        }
        var written = 0
        for text in texts {
            guard let tree = try? JSONReader().read(text), let tape = try? JSONReader().tape(text) else { continue }
            for order in JSONWriter.KeyOrder.allCases {
                var out: [UInt8] = []
                tape.write(keyOrder: order, into: &out)
                #expect(out == JSONWriter(keyOrder: order).bytes(tree), "\(order): \(String(decoding: text.prefix(100), as: UTF8.self))")
            }
            written += 1
        }
        #expect(written > 150)
    }
}
