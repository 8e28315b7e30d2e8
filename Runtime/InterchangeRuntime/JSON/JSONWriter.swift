/// Writes `JSONValue` as compact UTF-8 JSON.
///
/// Number texts are written exactly as held, non-ASCII text is written as raw UTF-8 and `/`
/// is not escaped. With `keyOrder: .sortedRecursively` the output is the canonical form
/// signatures over JSON: keys sorted by Unicode code point, no whitespace.
public struct JSONWriter: Sendable {
    /// The order object members are written in.
    public enum KeyOrder: String, Sendable, Hashable, CaseIterable {
        /// As held in the value (the order received or built).
        case asGiven
        /// The outermost object's keys sorted; nested objects as held.
        case sortedTopLevel
        /// Every object's keys sorted.
        case sortedRecursively
    }

    /// The order object members are written in.
    public var keyOrder: KeyOrder

    /// A writer of compact JSON, members in `keyOrder`.
    public init(keyOrder: KeyOrder = .asGiven) {
        self.keyOrder = keyOrder
    }

    /// The canonical writer: keys sorted at every level, compact.
    public static let canonical = JSONWriter(keyOrder: .sortedRecursively)

    /// The UTF-8 bytes of `value`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, sorting: keyOrder != .asGiven)
        return out
    }

    /// The text of `value`.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], sorting: Bool) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): out.append(contentsOf: number.text.utf8)
        case .string(let text): JSONWriter.writeString(text, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out, sorting: keyOrder == .sortedRecursively)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            let members = object.members
            out.append(UInt8(ascii: "{"))
            if sorting {
                // Indices are sorted, not members: no value is copied or moved to sort.
                // Most keys differ in their first eight bytes, compared as one number.
                var order = members.indices.map { (prefix: JSONWriter.sortPrefix(members[$0].key.utf8), index: $0) }
                order.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : JSONWriter.codePointOrder(members[$0.index].key, members[$1.index].key) }
                for (position, item) in order.enumerated() { write(members[item.index], first: position == 0, into: &out) }
            } else {
                for (position, member) in members.enumerated() { write(member, first: position == 0, into: &out) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func write(_ member: JSONObject.Member, first: Bool, into out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        JSONWriter.writeString(member.key, into: &out)
        out.append(UInt8(ascii: ":"))
        write(member.value, into: &out, sorting: keyOrder == .sortedRecursively)
    }

    /// A key's first eight bytes of UTF-8 as a big-endian number, zeros past its end. Keys whose
    /// numbers differ are in the numbers' order (a shorter key that is a prefix of another gets
    /// the smaller number or ties); equal numbers need the whole comparison.
    static func sortPrefix(_ utf8: some Collection<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        var taken = 0
        for byte in utf8.prefix(8) {
            value = value << 8 | UInt64(byte)
            taken += 1
        }
        return taken == 0 ? 0 : value << UInt64(8 * (8 - taken))
    }

    /// Byte order of UTF-8 is code-point order, which is what "ASCII 字典序" generalises to.
    static func codePointOrder(_ left: String, _ right: String) -> Bool {
        var (left, right) = (left, right)
        return left.withUTF8 { left in
            right.withUTF8 { right in
                for index in 0..<min(left.count, right.count) where left[index] != right[index] {
                    return left[index] < right[index]
                }
                return left.count < right.count
            }
        }
    }

    /// Writes `text` quoted, escaping `"`, `\` and control characters; the runs between them
    /// are copied whole. Eight bytes at a time are checked at once.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, let base = bytes.baseAddress,
                    !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    appendEscaped(byte, into: &out)
                    runStart = index + 1
                }
                index += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (the classic
    /// "has a byte less than n / equal to zero" word tricks; exact as a yes or no).
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    private static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
