/// Reads JSON text into `JSONValue`, keeping number texts and member order.
///
/// Strict RFC 8259 with limits: input size (default 10 MiB), nesting depth,
/// number of values, duplicate keys rejected, invalid UTF-8 and escaped NUL (`\u0000`)
/// rejected. Errors carry byte offset, line and column. A leading UTF-8 byte order mark is
/// skipped.
public struct JSONReader: Sendable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// Most values (scalars, arrays and objects) accepted. It bounds the tree's memory (about
    /// 24 bytes a value) whatever the input's shape: `[{},{},…]` packs a value into 3 bytes,
    /// the protocols' payloads take 30–60.
    public var maxValues: Int

    /// the documents' "10M bytes" per transmission, read as 10 × 1024 × 1024.
    public static let defaultMaxBytes = 10 * 1024 * 1024

    /// `maxValues` defaults to one value per 16 bytes of `maxBytes` (655,360 for 10 MiB), at
    /// least 4,096.
    public init(maxBytes: Int = JSONReader.defaultMaxBytes, maxDepth: Int = 64, maxValues: Int? = nil) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues ?? max(4096, maxBytes / 16)
    }

    /// Reads one JSON value that must span the whole input (whitespace aside).
    public func read(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> JSONValue {
        let result: Result<JSONValue, JSONReadError>? = bytes.withContiguousStorageIfAvailable { buffer in
            readBuffer(buffer)
        }
        switch result ?? Array(bytes).withUnsafeBufferPointer({ readBuffer($0) }) {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    /// Reads one JSON value from a string's UTF-8.
    public func read(_ text: String) throws(JSONReadError) -> JSONValue {
        try read(Array(text.utf8))
    }

    private func readBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONReadError> {
        guard buffer.count <= maxBytes else {
            return .failure(JSONReadError(.tooLarge(size: buffer.count, limit: maxBytes), at: 0, in: buffer))
        }
        var parser = Parser(bytes: buffer, maxDepth: maxDepth, maxValues: maxValues)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(JSONReadError(error.reason, at: error.offset, in: buffer))
        }
    }
}

/// A failure inside the parser, before line and column are worked out.
private struct ParseFailure: Error {
    let reason: JSONReadError.Reason
    let offset: Int
}

private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let maxValues: Int
    var index = 0
    var depth = 0
    var values = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    mutating func parseDocument() throws(ParseFailure) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw ParseFailure(reason: .trailingContent, offset: index) }
        return value
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func unexpected(_ expected: String) -> ParseFailure {
        guard index < bytes.count else { return ParseFailure(reason: .unexpectedEnd(expected: expected), offset: index) }
        let byte = bytes[index]
        let found = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return ParseFailure(reason: .unexpectedCharacter(found: found, expected: expected), offset: index)
    }

    mutating func parseValue() throws(ParseFailure) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw unexpected("a value") }
        values += 1
        guard values <= maxValues else { throw ParseFailure(reason: .tooManyValues(limit: maxValues), offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected("a value")
        }
    }

    mutating func parseLiteral(_ literal: StaticString) throws(ParseFailure) {
        let start = index
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard index < bytes.count, bytes[index] == expected else {
                if index >= bytes.count { throw unexpected("'\(literal)'") }
                index = start
                throw unexpected("a value")
            }
            index += 1
        }
    }

    mutating func enter() throws(ParseFailure) {
        depth += 1
        guard depth <= maxDepth else { throw ParseFailure(reason: .tooDeep(limit: maxDepth), offset: index) }
    }

    mutating func parseArray() throws(ParseFailure) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw unexpected("',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            } else {
                throw unexpected("',' or ']'")
            }
        }
    }

    mutating func parseObject() throws(ParseFailure) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(members))
        }
        var keys: Set<String>? = nil  // built only for large objects; small ones scan
        var fingerprints: UInt64 = 0  // one bit per (length, last byte) seen: most keys need no scan
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected("a key string") }
            let keyOffset = index
            let key = try parseString()
            let fingerprint = Parser.fingerprint(key)
            let mayRepeat = fingerprints & fingerprint != 0
            fingerprints |= fingerprint
            if mayRepeat || members.count >= 64, Parser.isDuplicate(key, in: members, index: &keys) {
                throw ParseFailure(reason: .duplicateKey(key), offset: keyOffset)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected("':'") }
            index += 1
            members.append(JSONObject.Member(key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw unexpected("',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(JSONObject(members))
            } else {
                throw unexpected("',' or '}'")
            }
        }
    }

    mutating func parseNumber() throws(ParseFailure) -> ExactNumber {
        let start = index
        while index < bytes.count, Parser.isNumberByte(bytes[index]) { index += 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: slice, as: UTF8.self)
        guard ExactNumber.isValidGrammar(slice) else {
            throw ParseFailure(reason: .invalidNumber(text), offset: start)
        }
        return ExactNumber(validatedText: text)
    }

    /// A bit that two equal keys share (from the length and the last byte).
    static func fingerprint(_ key: String) -> UInt64 {
        let utf8 = key.utf8
        let last = utf8.last.map(Int.init) ?? 0
        return 1 << UInt64((utf8.count &* 31 &+ last) & 63)
    }

    /// Whether `key` is already a member; switches from a scan to a set past 64 members.
    static func isDuplicate(_ key: String, in members: [JSONObject.Member], index: inout Set<String>?) -> Bool {
        if members.count < 64 { return members.contains { $0.key == key } }
        if index == nil { index = Set(members.map(\.key)) }
        return index?.insert(key).inserted == false
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
    }

    /// Parses a string starting at its opening quote. Text without escapes is copied once.
    mutating func parseString() throws(ParseFailure) -> String {
        index += 1
        let start = index
        var hasEscapes = false
        var hasNonASCII = false
        while true {
            guard index < bytes.count else { throw unexpected("'\"' to close the string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 2
                continue
            }
            if byte < 0x20 { throw ParseFailure(reason: .controlCharacterInString, offset: index) }
            if byte >= 0x80 { hasNonASCII = true }
            index += 1
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if !hasEscapes {
            if !hasNonASCII { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw ParseFailure(reason: .invalidUTF8, offset: start + Parser.firstInvalidUTF8(raw))
            }
            return text
        }
        return try unescape(raw, offset: start)
    }

    func unescape(_ raw: UnsafeBufferPointer<UInt8>, offset: Int) throws(ParseFailure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt16? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt16 = 0
            for byte in raw[at..<at + 4] {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x37
                case 0x61...0x66: digit = byte - 0x57
                default: return nil
                }
                value = value << 4 | UInt16(digit)
            }
            return value
        }
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { throw ParseFailure(reason: .invalidEscape, offset: offset + i) }
            let escaped = raw[i + 1]
            i += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(i) else { throw ParseFailure(reason: .invalidEscape, offset: offset + i - 2) }
                i += 4
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                        let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low)
                    else { throw ParseFailure(reason: .invalidEscape, offset: offset + i - 6) }
                    i += 6
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else {
                    throw ParseFailure(reason: .invalidEscape, offset: offset + i - 6)
                }
                guard scalarValue != 0 else { throw ParseFailure(reason: .escapedNUL, offset: offset + i - 6) }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw ParseFailure(reason: .invalidEscape, offset: offset + i - 2)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw ParseFailure(reason: .invalidUTF8, offset: offset)
        }
        return text
    }

    /// Offset of the first byte that breaks UTF-8 in `raw` (for the error position).
    static func firstInvalidUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += UTF8.width(scalar)
            case .emptyInput, .error: return consumed
            }
        }
    }
}
