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
        reading(buffer, limit: maxBytes) { () throws(JSONParseFailure) in
            var parser = Parser(bytes: buffer, maxDepth: maxDepth, maxValues: maxValues)
            return try parser.parseDocument()
        }
    }

    /// `parse` run on a text of at most `limit` bytes; a failure is placed in the text (line,
    /// column). Shared by the tree and the tape readers.
    func reading<Parsed>(
        _ buffer: UnsafeBufferPointer<UInt8>, limit: Int, _ parse: () throws(JSONParseFailure) -> Parsed
    ) -> Result<Parsed, JSONReadError> {
        guard buffer.count <= limit else {
            return .failure(JSONReadError(.tooLarge(size: buffer.count, limit: limit), at: 0, in: buffer))
        }
        do {
            return .success(try parse())
        } catch {
            return .failure(JSONReadError(error.reason, at: error.offset, in: buffer))
        }
    }
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

    mutating func parseDocument() throws(JSONParseFailure) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONParseFailure(reason: .trailingContent, offset: index) }
        return value
    }

    mutating func skipWhitespace() {
        JSONScanner.skipWhitespace(bytes, &index)
    }

    func unexpected(_ expected: String) -> JSONParseFailure {
        JSONParseFailure.unexpected(expected, at: index, in: bytes)
    }

    mutating func parseValue() throws(JSONParseFailure) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw unexpected("a value") }
        values += 1
        guard values <= maxValues else { throw JSONParseFailure(reason: .tooManyValues(limit: maxValues), offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try JSONScanner.literal("true", bytes, &index); return .bool(true)
        case UInt8(ascii: "f"): try JSONScanner.literal("false", bytes, &index); return .bool(false)
        case UInt8(ascii: "n"): try JSONScanner.literal("null", bytes, &index); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(ExactNumber(validatedText: String(decoding: try JSONScanner.number(bytes, &index), as: UTF8.self)))
        default: throw unexpected("a value")
        }
    }

    mutating func enter() throws(JSONParseFailure) {
        depth += 1
        guard depth <= maxDepth else { throw JSONParseFailure(reason: .tooDeep(limit: maxDepth), offset: index) }
    }

    mutating func parseArray() throws(JSONParseFailure) -> JSONValue {
        try enter()
        var elements: [JSONValue] = []
        if JSONScanner.isEmptyContainer(UInt8(ascii: "]"), bytes, &index) {
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            if try JSONScanner.endsContainer(UInt8(ascii: "]"), bytes, &index) {
                depth -= 1
                return .array(elements)
            }
        }
    }

    mutating func parseObject() throws(JSONParseFailure) -> JSONValue {
        try enter()
        var members: [JSONObject.Member] = []
        if JSONScanner.isEmptyContainer(UInt8(ascii: "}"), bytes, &index) {
            depth -= 1
            return .object(JSONObject(members))
        }
        var keys: Set<[UInt8]>? = nil  // built only for large objects; small ones scan
        var fingerprints: UInt64 = 0  // one bit per (length, last byte) seen: most keys need no scan
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected("a key string") }
            let keyOffset = index
            let key = try parseString()
            let fingerprint = Parser.fingerprint(key)
            let mayRepeat = fingerprints & fingerprint != 0
            fingerprints |= fingerprint
            if mayRepeat || members.count >= JSONScanner.largeObjectKeys, Parser.isDuplicate(key, in: members, index: &keys) {
                throw JSONParseFailure(reason: .duplicateKey(key), offset: keyOffset)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected("':'") }
            index += 1
            members.append(JSONObject.Member(key, try parseValue()))
            if try JSONScanner.endsContainer(UInt8(ascii: "}"), bytes, &index) {
                depth -= 1
                return .object(JSONObject(members))
            }
        }
    }

    /// `JSONScanner.keyFingerprint` of a key.
    static func fingerprint(_ key: String) -> UInt64 {
        let utf8 = key.utf8
        let last = utf8.withContiguousStorageIfAvailable { $0.last ?? 0 } ?? utf8.last ?? 0
        return JSONScanner.keyFingerprint(length: utf8.count, last: last)
    }

    /// Whether `key` is already a member, its UTF-8 compared (as the tape does); switches
    /// from a scan to a set past `JSONScanner.largeObjectKeys` members.
    static func isDuplicate(_ key: String, in members: [JSONObject.Member], index: inout Set<[UInt8]>?) -> Bool {
        if members.count < JSONScanner.largeObjectKeys { return members.contains { sameText($0.key, key) } }
        if index == nil { index = Set(members.map { Array($0.key.utf8) }) }
        return index?.insert(Array(key.utf8)).inserted == false
    }

    /// Whether two keys have the same UTF-8.
    static func sameText(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var (a, b) = (a, b)
        return a.withUTF8 { a in b.withUTF8 { b in a.elementsEqual(b) } }
    }

    /// Parses a string starting at its opening quote. Text without escapes is copied once.
    mutating func parseString() throws(JSONParseFailure) -> String {
        let scanned = try JSONScanner.scanRaw(bytes, from: &index)
        let raw = UnsafeBufferPointer(rebasing: bytes[scanned.start..<scanned.end])
        if !scanned.hasEscapes {
            if !scanned.hasNonASCII { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw JSONParseFailure(reason: .invalidUTF8, offset: scanned.start + JSONScanner.firstInvalidUTF8(raw))
            }
            return text
        }
        var out: [UInt8] = []
        if let failure = JSONScanner.unescape(raw, into: &out) {
            throw JSONParseFailure(reason: failure.reason, offset: scanned.start + failure.offset)
        }
        guard let text = String(validating: out, as: UTF8.self) else {
            throw JSONParseFailure(reason: .invalidUTF8, offset: scanned.start)
        }
        return text
    }
}
