/// A JSON text read into a flat tape: one entry per value, in document order, each naming its
/// bytes in the text, with no tree, no `String` and no array per value. An object's entries are
/// its keys and values in turn; a container's entry says where the entries after it resume, so
/// a reader skips a member without walking it. Strings are unescaped only when asked
/// (`string(at:)`); numbers are their byte text.
///
/// `JSONReader.tape(_:)` reads one with exactly the reader's limits, checks and error
/// positions (and texts of at most 256 MiB): a text is a tape if and only if it is a
/// `JSONValue`, and `value(at:)` is that value. An entry takes 12 bytes.
public struct JSONTape: Sendable {
    /// What a tape entry is.
    public enum Kind: UInt8, Sendable {
        /// An object; its members follow as key, value, key, value.
        case object
        /// An array; its elements follow.
        case array
        /// A string (or an object's key).
        case string
        /// A number.
        case number
        /// `true`.
        case `true`
        /// `false`.
        case `false`
        /// `null`.
        case null
    }

    /// One value of the text, in 12 bytes.
    public struct Entry: Sendable, Hashable {
        /// Kind in bits 29–31, `hasEscapes` in bit 28, `start` in bits 0–27.
        private let head: UInt32
        /// Strings, numbers and literals: one past their last byte; containers: their count.
        private let extent: UInt32
        /// For containers: the index of the first entry after the container. For others, the
        /// next index.
        public let next: UInt32

        /// The largest offset an entry holds: texts up to 256 MiB are read as tapes.
        static let maxOffset = (1 << 28) - 1

        init(kind: Kind, hasEscapes: Bool = false, start: Int, extent: Int, next: Int) {
            head = UInt32(kind.rawValue) << 29 | (hasEscapes ? 1 << 28 : 0) | UInt32(truncatingIfNeeded: start)
            self.extent = UInt32(truncatingIfNeeded: extent)
            self.next = UInt32(truncatingIfNeeded: next)
        }

        /// What the value is.
        public var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: head >> 29)) ?? .null }
        /// For strings: the text has backslash escapes, so its bytes are not its characters.
        public var hasEscapes: Bool { head & (1 << 28) != 0 }
        /// The first byte: a string's first character after the quote, a number's first
        /// digit or sign, a container's bracket.
        public var start: UInt32 { head & UInt32(Self.maxOffset) }
        /// For strings, numbers and literals: one past the last byte (a string's closing quote);
        /// 0 for containers.
        public var end: UInt32 { isContainer ? 0 : extent }
        /// For containers: members (objects) or elements (arrays); 0 for others.
        public var count: UInt32 { isContainer ? extent : 0 }

        private var isContainer: Bool { head >> 30 == 0 }  // object 0, array 1
    }

    /// The text, as received.
    public let bytes: [UInt8]
    /// The entries, in document order; the first is the whole text's value.
    public let entries: [Entry]

    init(bytes: [UInt8], entries: [Entry]) {
        self.bytes = bytes
        self.entries = entries
    }

    /// The text of the string at `index`, unescaped. Nil when the entry is not a string.
    public func string(at index: Int) -> String? {
        let entry = entries[index]
        guard entry.kind == .string else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeBufferPointer(rebasing: buffer[Int(entry.start)..<Int(entry.end)])
            guard entry.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
            var scratch: [UInt8] = []
            guard JSONScanner.unescape(raw, into: &scratch) == nil else { return nil }
            return String(decoding: scratch, as: UTF8.self)
        }
    }

    /// The index of the value of the member `name` of the object at `object`, if it has one.
    /// Keys without escapes are compared as bytes, without making strings.
    public func member(_ name: String, of object: Int = 0) -> Int? {
        guard entries[object].kind == .object else { return nil }
        let wanted = Array(name.utf8)
        var key = object + 1
        while key < Int(entries[object].next) {
            let entry = entries[key]
            let matches =
                entry.hasEscapes
                ? string(at: key).map { Array($0.utf8) == wanted } ?? false
                : bytes[Int(entry.start)..<Int(entry.end)].elementsEqual(wanted)
            if matches { return key + 1 }
            key = Int(entries[key + 1].next)
        }
        return nil
    }

    /// The value at `index` as a tree; `value(at: 0)` is the whole text's.
    public func value(at index: Int = 0) -> JSONValue {
        let entry = entries[index]
        switch entry.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(ExactNumber(validatedText: String(decoding: bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)))
        case .string: return .string(string(at: index) ?? "")
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(entry.count))
            var child = index + 1
            while child < Int(entry.next) {
                elements.append(value(at: child))
                child = Int(entries[child].next)
            }
            return .array(elements)
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(Int(entry.count))
            var child = index + 1
            while child < Int(entry.next) {
                let valueIndex = Int(entries[child].next)
                members.append(JSONObject.Member(string(at: child) ?? "", value(at: valueIndex)))
                child = Int(entries[valueIndex].next)
            }
            return .object(JSONObject(members))
        }
    }
}

extension JSONReader {
    /// Reads `bytes` into a tape, with the same limits, checks and error positions as `read`.
    public func tape(_ bytes: [UInt8]) throws(JSONReadError) -> JSONTape {
        switch bytes.withUnsafeBufferPointer({ tapeEntries($0) }) {
        case .success(let entries): return JSONTape(bytes: bytes, entries: entries)
        case .failure(let error): throw error
        }
    }

    private func tapeEntries(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[JSONTape.Entry], JSONReadError> {
        reading(buffer, limit: min(maxBytes, JSONTape.Entry.maxOffset)) { () throws(JSONParseFailure) in
            var parser = TapeParser(bytes: buffer, maxDepth: maxDepth, maxValues: maxValues)
            try parser.parseDocument()
            return parser.entries
        }
    }
}

/// The tape's parser: the tree parser's grammar, limits and error offsets, writing entries.
private struct TapeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let maxValues: Int
    var index = 0
    var depth = 0
    var values = 0
    var entries: [JSONTape.Entry] = []
    /// The key entries of the objects being read, innermost last, for duplicate checks.
    var keyStack: [Int] = []
    var scanner = JSONScanner()

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues
        entries.reserveCapacity(bytes.count / 8 + 4)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    mutating func parseDocument() throws(JSONParseFailure) {
        try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONParseFailure(reason: .trailingContent, offset: index) }
    }

    mutating func skipWhitespace() {
        JSONScanner.skipWhitespace(bytes, &index)
    }

    func unexpected(_ expected: String) -> JSONParseFailure {
        JSONParseFailure.unexpected(expected, at: index, in: bytes)
    }

    mutating func append(_ kind: JSONTape.Kind, _ start: Int, _ end: Int, escaped: Bool = false) {
        entries.append(JSONTape.Entry(kind: kind, hasEscapes: escaped, start: start, extent: end, next: entries.count + 1))
    }

    mutating func parseValue() throws(JSONParseFailure) {
        skipWhitespace()
        guard index < bytes.count else { throw unexpected("a value") }
        values += 1
        guard values <= maxValues else { throw JSONParseFailure(reason: .tooManyValues(limit: maxValues), offset: index) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"): try JSONScanner.literal("true", bytes, &index); append(.true, start, index)
        case UInt8(ascii: "f"): try JSONScanner.literal("false", bytes, &index); append(.false, start, index)
        case UInt8(ascii: "n"): try JSONScanner.literal("null", bytes, &index); append(.null, start, index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try JSONScanner.number(bytes, &index)
            append(.number, start, index)
        default: throw unexpected("a value")
        }
    }

    mutating func parseString() throws(JSONParseFailure) {
        let scanned = try scanner.scan(bytes, from: &index)
        append(.string, scanned.start, scanned.end, escaped: scanned.hasEscapes)
    }

    mutating func enter() throws(JSONParseFailure) {
        depth += 1
        guard depth <= maxDepth else { throw JSONParseFailure(reason: .tooDeep(limit: maxDepth), offset: index) }
    }

    /// Writes the container's entry once its end is known.
    mutating func close(_ position: Int, _ kind: JSONTape.Kind, start: Int, count: Int) {
        entries[position] = JSONTape.Entry(kind: kind, start: start, extent: count, next: entries.count)
        depth -= 1
    }

    mutating func parseArray() throws(JSONParseFailure) {
        try enter()
        let start = index
        let position = entries.count
        append(.array, start, start)
        if JSONScanner.isEmptyContainer(UInt8(ascii: "]"), bytes, &index) { return close(position, .array, start: start, count: 0) }
        var count = 0
        while true {
            try parseValue()
            count += 1
            if try JSONScanner.endsContainer(UInt8(ascii: "]"), bytes, &index) { return close(position, .array, start: start, count: count) }
        }
    }

    mutating func parseObject() throws(JSONParseFailure) {
        try enter()
        let start = index
        let position = entries.count
        append(.object, start, start)
        if JSONScanner.isEmptyContainer(UInt8(ascii: "}"), bytes, &index) { return close(position, .object, start: start, count: 0) }
        let firstKey = keyStack.count
        defer { keyStack.removeSubrange(firstKey...) }
        var fingerprints: UInt64 = 0
        var largeObjectKeys: Set<[UInt8]>? = nil  // past 64 keys a set, so that a huge object stays linear
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw unexpected("a key string") }
            let keyOffset = index
            try parseString()
            let key = entries.count - 1
            if keyStack.count - firstKey >= JSONScanner.largeObjectKeys {
                if largeObjectKeys == nil { largeObjectKeys = Set(keyStack[firstKey...].map { keyBytes(entries[$0]) }) }
                let text = keyBytes(entries[key])
                if largeObjectKeys?.insert(text).inserted == false {
                    throw JSONParseFailure(reason: .duplicateKey(String(decoding: text, as: UTF8.self)), offset: keyOffset)
                }
            } else {
                let fingerprint = fingerprint(of: key)
                if fingerprints & fingerprint != 0, let duplicate = duplicate(of: key, among: keyStack[firstKey...]) {
                    throw JSONParseFailure(reason: .duplicateKey(duplicate), offset: keyOffset)
                }
                fingerprints |= fingerprint
            }
            keyStack.append(key)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected("':'") }
            index += 1
            try parseValue()
            if try JSONScanner.endsContainer(UInt8(ascii: "}"), bytes, &index) {
                return close(position, .object, start: start, count: keyStack.count - firstKey)
            }
        }
    }

    /// A key's text: its bytes, or unescaped.
    func keyBytes(_ entry: JSONTape.Entry) -> [UInt8] {
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
        guard entry.hasEscapes else { return Array(raw) }
        var text: [UInt8] = []
        _ = JSONScanner.unescape(raw, into: &text)
        return text
    }

    /// `JSONScanner.keyFingerprint` of the key at `key` (its unescaped text).
    func fingerprint(of key: Int) -> UInt64 {
        let entry = entries[key]
        if entry.hasEscapes {
            let text = keyBytes(entry)
            return JSONScanner.keyFingerprint(length: text.count, last: text.last ?? 0)
        }
        let length = Int(entry.end - entry.start)
        return JSONScanner.keyFingerprint(length: length, last: length > 0 ? bytes[Int(entry.end) - 1] : 0)
    }

    /// The text of an earlier key equal to `key`, if any. Keys without escapes compare as
    /// byte ranges of the text.
    func duplicate(of key: Int, among keys: ArraySlice<Int>) -> String? {
        let entry = entries[key]
        if !entry.hasEscapes {
            let wanted = bytes[Int(entry.start)..<Int(entry.end)]
            for earlier in keys where !entries[earlier].hasEscapes && bytes[Int(entries[earlier].start)..<Int(entries[earlier].end)].elementsEqual(wanted) {
                return String(decoding: wanted, as: UTF8.self)
            }
        }
        let wanted = keyBytes(entry)
        for earlier in keys where (entry.hasEscapes || entries[earlier].hasEscapes) && keyBytes(entries[earlier]) == wanted {
            return String(decoding: wanted, as: UTF8.self)
        }
        return nil
    }
}
