/// A failure inside a JSON parser, before line and column are worked out.
struct JSONParseFailure: Error {
    let reason: JSONReadError.Reason
    let offset: Int

    /// `expected` was wanted at `index`: the end of input, or the byte found there.
    static func unexpected(_ expected: String, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> JSONParseFailure {
        guard index < bytes.count else { return JSONParseFailure(reason: .unexpectedEnd(expected: expected), offset: index) }
        let byte = bytes[index]
        let found = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        return JSONParseFailure(reason: .unexpectedCharacter(found: found, expected: expected), offset: index)
    }
}

/// The token grammar both JSON parsers share (the tree's and the tape's): whitespace,
/// literals, numbers, separators, and where a string ends, its escapes and its UTF-8, with the
/// same errors at the same offsets.
struct JSONScanner {
    /// Objects with at least this many keys find a repeated key in a set rather than by
    /// scanning the earlier keys, so that checking a huge object stays linear.
    static let largeObjectKeys = 64

    /// A bit that two equal keys share, from the length and last byte of their (unescaped)
    /// UTF-8: a key whose bit no earlier key set is certainly new.
    static func keyFingerprint(length: Int, last: UInt8) -> UInt64 {
        1 << UInt64((length &* 31 &+ Int(last)) & 63)
    }

    /// A string's bytes between its quotes.
    struct Scanned {
        let start: Int
        let end: Int
        let hasEscapes: Bool
        let hasNonASCII: Bool
    }

    /// Unescaped text of the last escaped string, reused.
    private var scratch: [UInt8] = []

    /// Finds the string starting at the quote at `index`, moving `index` past its closing quote.
    static func scanRaw(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) throws(JSONParseFailure) -> Scanned {
        index += 1
        let start = index
        var hasEscapes = false
        var hasNonASCII = false
        while true {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            if index + 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if !Self.mayEndOrEscape(word) {
                    hasNonASCII = hasNonASCII || word & 0x8080_8080_8080_8080 != 0
                    index += 8
                    continue
                }
            }
            guard index < bytes.count else { throw JSONParseFailure.unexpected("'\"' to close the string", at: index, in: bytes) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 2
                continue
            }
            if byte < 0x20 { throw JSONParseFailure(reason: .controlCharacterInString, offset: index) }
            if byte >= 0x80 { hasNonASCII = true }
            index += 1
        }
        let end = index
        index += 1
        return Scanned(start: start, end: end, hasEscapes: hasEscapes, hasNonASCII: hasNonASCII)
    }

    /// Whether any of the eight bytes of `word` is `"`, `\\` or below 0x20 (SWAR: a byte equal
    /// to `b` becomes zero after XOR, and a zero or small byte borrows into its high bit).
    @inline(__always)
    static func mayEndOrEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// Finds and checks the string at `index` (escapes, UTF-8) without making a `String`.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) throws(JSONParseFailure) -> Scanned {
        let scanned = try Self.scanRaw(bytes, from: &index)
        let raw = UnsafeBufferPointer(rebasing: bytes[scanned.start..<scanned.end])
        if scanned.hasEscapes {
            if let failure = Self.unescape(raw, into: &scratch) {
                throw JSONParseFailure(reason: failure.reason, offset: scanned.start + failure.offset)
            }
            let valid = scratch.withUnsafeBufferPointer { Self.firstInvalidUTF8($0) == $0.count }
            guard valid else { throw JSONParseFailure(reason: .invalidUTF8, offset: scanned.start) }
        } else if scanned.hasNonASCII {
            let invalid = Self.firstInvalidUTF8(raw)
            guard invalid == raw.count else { throw JSONParseFailure(reason: .invalidUTF8, offset: scanned.start + invalid) }
        }
        return scanned
    }

    /// Writes the unescaped bytes of `raw` into `out` (emptied first); a failure's offset is
    /// relative to `raw`. The bytes are not checked as UTF-8 here.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> JSONParseFailure? {
        out.removeAll(keepingCapacity: true)
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
            guard i + 1 < raw.count else { return JSONParseFailure(reason: .invalidEscape, offset: i) }
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
                guard let unit = hex4(i) else { return JSONParseFailure(reason: .invalidEscape, offset: i - 2) }
                i += 4
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                        let low = hex4(i + 2), (0xDC00...0xDFFF).contains(low)
                    else { return JSONParseFailure(reason: .invalidEscape, offset: i - 6) }
                    i += 6
                    scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(scalarValue) else { return JSONParseFailure(reason: .invalidEscape, offset: i - 6) }
                guard scalarValue != 0 else { return JSONParseFailure(reason: .escapedNUL, offset: i - 6) }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return JSONParseFailure(reason: .invalidEscape, offset: i - 2)
            }
        }
        return nil
    }

    /// Offset of the first byte that breaks UTF-8 in `raw` (its count when none does): the
    /// start of the first sequence that is overlong, a surrogate, past U+10FFFF, cut short or
    /// not a sequence at all. ASCII runs are skipped eight bytes at a time.
    static func firstInvalidUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        let count = raw.count
        var i = 0
        while i < count {
            if i + 8 <= count, let base = raw.baseAddress {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = raw[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            func continuation(_ offset: Int) -> UInt8? {
                guard i + offset < count, raw[i + offset] & 0xC0 == 0x80 else { return nil }
                return raw[i + offset]
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) != nil else { return i }
                i += 2
            case 0xE0...0xEF:
                guard let second = continuation(1), continuation(2) != nil else { return i }
                if lead == 0xE0, second < 0xA0 { return i }  // overlong
                if lead == 0xED, second >= 0xA0 { return i }  // a surrogate
                i += 3
            case 0xF0...0xF4:
                guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return i }
                if lead == 0xF0, second < 0x90 { return i }  // overlong
                if lead == 0xF4, second >= 0x90 { return i }  // past U+10FFFF
                i += 4
            default:
                return i
            }
        }
        return count
    }

    static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Reads `literal` (`true`, `false`, `null`) at `index`.
    static func literal(_ literal: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(JSONParseFailure) {
        let start = index
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard index < bytes.count, bytes[index] == expected else {
                if index >= bytes.count { throw .unexpected("'\(literal)'", at: index, in: bytes) }
                index = start
                throw .unexpected("a value", at: index, in: bytes)
            }
            index += 1
        }
    }

    /// Reads the number at `index`; its bytes.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(JSONParseFailure) -> UnsafeBufferPointer<UInt8> {
        let start = index
        while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard ExactNumber.isValidGrammar(slice) else {
            throw JSONParseFailure(reason: .invalidNumber(String(decoding: slice, as: UTF8.self)), offset: start)
        }
        return slice
    }

    /// After an element or member: true when `closing` ends the container, false after a comma
    /// (each consumed).
    static func endsContainer(_ closing: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(JSONParseFailure) -> Bool {
        skipWhitespace(bytes, &index)
        let expected = closing == UInt8(ascii: "]") ? "',' or ']'" : "',' or '}'"
        guard index < bytes.count else { throw .unexpected(expected, at: index, in: bytes) }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        guard bytes[index] == closing else { throw .unexpected(expected, at: index, in: bytes) }
        index += 1
        return true
    }

    /// Whether the container opened at `index` is empty (its closing bracket consumed).
    static func isEmptyContainer(_ closing: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        index += 1
        skipWhitespace(bytes, &index)
        guard index < bytes.count, bytes[index] == closing else { return false }
        index += 1
        return true
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
    }
}
