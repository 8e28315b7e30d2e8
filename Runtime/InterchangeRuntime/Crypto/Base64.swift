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
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= input.count {
            let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(chunk >> UInt32(shift) & 0x3F)]) }
            index += 3
        }
        let rest = input.count - index
        if rest > 0 {
            let chunk = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
            out.append(alphabet[Int(chunk >> 18 & 0x3F)])
            out.append(alphabet[Int(chunk >> 12 & 0x3F)])
            out.append(rest == 2 ? alphabet[Int(chunk >> 6 & 0x3F)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of Base64 text; spaces and line breaks are skipped, anything else outside the
    /// alphabet is an error naming its offset.
    public static func decode(_ text: String) throws(CryptoError) -> [UInt8] {
        var sextets: [UInt8] = []
        sextets.reserveCapacity(text.utf8.count)
        var padding = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "="):
                padding += 1
                guard padding <= 2 else { throw .badBase64(offset: offset, reason: "too much '=' padding") }
            default:
                guard padding == 0 else { throw .badBase64(offset: offset, reason: "data after '=' padding") }
                let value = values[Int(byte)]
                guard value != 0xFF else {
                    throw .badBase64(offset: offset, reason: "'\(Character(Unicode.Scalar(byte)))' is not a Base64 character")
                }
                sextets.append(value)
            }
        }
        guard (sextets.count + padding) % 4 == 0, sextets.count % 4 != 1 else {
            throw .badBase64(offset: text.utf8.count, reason: "length is not a whole number of 4-character groups")
        }
        var out: [UInt8] = []
        out.reserveCapacity(sextets.count * 3 / 4)
        var index = 0
        while index < sextets.count {
            let group = sextets[index..<min(index + 4, sextets.count)]
            var chunk: UInt32 = 0
            for value in group { chunk = chunk << 6 | UInt32(value) }
            chunk <<= UInt32(6 * (4 - group.count))
            out.append(UInt8(chunk >> 16 & 0xFF))
            if group.count > 2 { out.append(UInt8(chunk >> 8 & 0xFF)) }
            if group.count > 3 { out.append(UInt8(chunk & 0xFF)) }
            index += 4
        }
        return out
    }
}
