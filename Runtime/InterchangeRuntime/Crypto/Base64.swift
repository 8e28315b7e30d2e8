/// Standard Base64 (RFC 4648, `+/`, `=` padding). Decoding skips whitespace and line
/// breaks (peers wrap at 76 columns) and reports the offset of anything else it rejects.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Standard Base64 with padding, no line breaks.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ encode($0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { encode($0) }
    }

    private static func encode(_ input: UnsafeBufferPointer<UInt8>) -> String {
        let length = (input.count + 2) / 3 * 4
        return alphabet.withUnsafeBufferPointer { alphabet in
            String(unsafeUninitializedCapacity: length) { out in
                var index = 0
                var written = 0
                func put(_ chunk: UInt32, _ shift: UInt32) {
                    out[written] = alphabet[Int(chunk >> shift & 0x3F)]
                    written += 1
                }
                while index + 3 <= input.count {
                    let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                    put(chunk, 18)
                    put(chunk, 12)
                    put(chunk, 6)
                    put(chunk, 0)
                    index += 3
                }
                let rest = input.count - index
                if rest > 0 {
                    let chunk = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
                    put(chunk, 18)
                    put(chunk, 12)
                    if rest == 2 { put(chunk, 6) } else { out[written] = UInt8(ascii: "="); written += 1 }
                    out[written] = UInt8(ascii: "=")
                    written += 1
                }
                return written
            }
        }
    }

    /// The bytes of Base64 text; spaces and line breaks are skipped, anything else outside the
    /// alphabet is an error naming its offset.
    public static func decode(_ text: String) throws(CryptoError) -> [UInt8] {
        var text = text
        return try text.withUTF8 { bytes in values.withUnsafeBufferPointer { table in decode(bytes, table: table) } }.get()
    }

    /// One pass over contiguous bytes: four alphabet characters at a group's start are decoded
    /// at once; anything else (line breaks, padding, errors) goes one character at a time.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], CryptoError> {
        var failure: CryptoError?
        let out = [UInt8](unsafeUninitializedCapacity: bytes.count / 4 * 3 + 3) { out, written in
            var chunk: UInt32 = 0
            var inGroup = 0
            var sextets = 0
            var padding = 0
            var offset = 0
            func put(_ byte: UInt32) {
                out[written] = UInt8(truncatingIfNeeded: byte)
                written += 1
            }
            while offset < bytes.count {
                if inGroup == 0, padding == 0, offset + 4 <= bytes.count {
                    let a = table[Int(bytes[offset])], b = table[Int(bytes[offset + 1])]
                    let c = table[Int(bytes[offset + 2])], d = table[Int(bytes[offset + 3])]
                    if (a | b | c | d) & 0xC0 == 0 {
                        let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        put(group >> 16)
                        put(group >> 8)
                        put(group)
                        sextets += 4
                        offset += 4
                        continue
                    }
                }
                let byte = bytes[offset]
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D: break
                case UInt8(ascii: "="):
                    padding += 1
                    guard padding <= 2 else { failure = .badBase64(offset: offset, reason: "too much '=' padding"); return }
                default:
                    guard padding == 0 else { failure = .badBase64(offset: offset, reason: "data after '=' padding"); return }
                    let value = table[Int(byte)]
                    guard value != 0xFF else {
                        failure = .badBase64(offset: offset, reason: "'\(Character(Unicode.Scalar(byte)))' is not a Base64 character")
                        return
                    }
                    chunk = chunk << 6 | UInt32(value)
                    sextets += 1
                    inGroup += 1
                    if inGroup == 4 {
                        put(chunk >> 16)
                        put(chunk >> 8)
                        put(chunk)
                        chunk = 0
                        inGroup = 0
                    }
                }
                offset += 1
            }
            guard (sextets + padding) % 4 == 0, sextets % 4 != 1 else {
                failure = .badBase64(offset: bytes.count, reason: "length is not a whole number of 4-character groups")
                return
            }
            if inGroup > 0 {
                chunk <<= UInt32(6 * (4 - inGroup))
                put(chunk >> 16)
                if inGroup > 2 { put(chunk >> 8) }
            }
        }
        if let failure { return .failure(failure) }
        return .success(out)
    }
}
