/// A JSON number's value as sign, significant digits and a power of ten, read from its text
/// without converting it: `-0.0250e3` is negative, digits `25`, exponent `-1` (−25 × 10⁻¹).
///
/// Exponents are read with saturation at ±`limit`, far beyond any table's bounds, so
/// `5e-9223372036854775808` and `1e99999999999999999999` neither trap nor wrap; a saturated
/// value still orders correctly against every bound a spec can state.
struct DecimalParts: Sendable {
    /// Exponents beyond this magnitude are held at it (`isSaturated`).
    static let limit = 1 << 58

    var isNegative: Bool
    /// Significant digits, no leading or trailing zeros; empty for zero.
    var digits: ArraySlice<UInt8>
    /// Value = digits × 10^exponent.
    var exponent: Int
    /// The exponent as written after `e` (0 without one), held at ±`limit`.
    var writtenExponent: Int
    /// The text's exponent was beyond ±`limit`.
    var isSaturated: Bool

    var isZero: Bool { digits.isEmpty }

    /// Reads text already checked against the JSON number grammar.
    init(_ text: String) {
        var text = text
        self = text.withUTF8 { DecimalParts(utf8: $0) }
    }

    /// Reads the number's UTF-8 in place (already checked against the grammar): one
    /// allocation, for the digits.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { index = 1 }
        var mantissa: [UInt8] = []
        mantissa.reserveCapacity(bytes.count)
        var fractionDigits = 0
        var inFraction = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "e"), bytes[index] != UInt8(ascii: "E") {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else {
                mantissa.append(byte)
                if inFraction { fractionDigits += 1 }
            }
            index += 1
        }
        var written = 0
        isSaturated = false
        if index < bytes.count {
            index += 1
            var negativeExponent = false
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < bytes.count {
                if written <= DecimalParts.limit { written = written * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
            if written > DecimalParts.limit {
                written = DecimalParts.limit
                isSaturated = true
            }
            if negativeExponent { written = -written }
        }
        writtenExponent = written
        let first = mantissa.firstIndex { $0 != UInt8(ascii: "0") }
        let last = mantissa.lastIndex { $0 != UInt8(ascii: "0") }
        if let first, let last {
            digits = mantissa[first...last]
            // `written` and the digit counts are far below Int's range: no overflow.
            exponent = written - fractionDigits + (mantissa.count - 1 - last)
        } else {
            digits = []
            exponent = 0
            isNegative = false
        }
    }

    /// The value without its sign.
    var magnitudeOnly: DecimalParts {
        var copy = self
        copy.isNegative = false
        return copy
    }

    /// Digits after the decimal point that carry value.
    var fractionDigits: Int { isZero ? 0 : max(0, -exponent) }

    /// The power of ten of the leading digit (`123.4` → 2), for ordering magnitudes.
    private var magnitude: Int { exponent + digits.count - 1 }

    /// Orders two values exactly.
    static func compare(_ a: DecimalParts, _ b: DecimalParts) -> Int {
        if a.isZero || b.isZero || a.isNegative != b.isNegative {
            let sign = { (p: DecimalParts) in p.isZero ? 0 : (p.isNegative ? -1 : 1) }
            return (sign(a) > sign(b) ? 1 : 0) - (sign(a) < sign(b) ? 1 : 0)
        }
        let direction = a.isNegative ? -1 : 1
        if a.magnitude != b.magnitude { return a.magnitude < b.magnitude ? -direction : direction }
        for (x, y) in zip(a.digits, b.digits) where x != y { return x < y ? -direction : direction }
        if a.digits.count == b.digits.count { return 0 }
        return a.digits.count < b.digits.count ? -direction : direction
    }
}
