import Foundation

/// A decimal number kept as the exact text of its JSON form.
///
/// Money and measured values travel through this type, never through `Double`:
/// `72.1609700` stays `72.1609700` and `20.00` stays `20.00`, so a signature computed over
/// a re-serialization matches the peer's. Equality compares the text, not the value.
public struct ExactNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number's text, valid JSON number grammar.
    public let text: String

    /// Wraps `text` when it is a valid JSON number (`-0.5`, `20.00`, `1e3`), else `nil`.
    public init?(_ text: String) {
        guard ExactNumber.isValidGrammar(text.utf8) else { return nil }
        self.text = text
    }

    /// Wraps text the JSON reader has already checked.
    init(validatedText text: String) {
        self.text = text
    }

    public init(integerLiteral value: Int) {
        text = String(value)
    }

    /// The number `value`, written in decimal.
    public init(_ value: Int) {
        text = String(value)
    }

    /// The plain decimal form of `value` (Foundation writes no exponent for `Decimal`).
    public init(_ value: Decimal) {
        text = value.description
    }

    public var description: String { text }

    /// The value as a `Decimal`, or `nil` when it lies outside `Decimal`'s range (about
    /// ±1e165 down to 1e-128). Texts with more than 38 significant digits round.
    public var decimal: Decimal? {
        let parts = DecimalParts(text)
        guard parts.isZero || (!parts.isSaturated && (-128...127).contains(parts.exponent + max(0, parts.digits.count - 38)))
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The value as a `Double`, for arithmetic that tolerates binary rounding (coordinates).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The value when the text is an integer literal (no fraction, no exponent) that fits.
    public var integerValue: Int64? {
        var utf8 = text.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty, utf8.count <= 19 else { return nil }
        var magnitude: Int64 = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
        }
        return negative ? -magnitude : magnitude
    }

    /// Digits after the decimal point that carry value (`20.50` has 1), exponent applied.
    /// An exponent too large to hold saturates, so the count is only ever too large, never wraps.
    public var significantFractionDigits: Int { DecimalParts(text).fractionDigits }

    /// Orders two numbers by value, exactly, whatever their exponents
    /// (`100.0000000000000000000000000000000000000001` is above `100`).
    public static func compareValues(_ a: ExactNumber, _ b: ExactNumber) -> Int {
        DecimalParts.compare(DecimalParts(a.text), DecimalParts(b.text))
    }

    /// Checks RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValidGrammar(_ bytes: some Collection<UInt8>) -> Bool {
        var index = bytes.startIndex
        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        func digits() -> Bool {
            guard isDigit(peek()) else { return false }
            while isDigit(peek()) { index = bytes.index(after: index) }
            return true
        }
        if peek() == UInt8(ascii: "-") { index = bytes.index(after: index) }
        if peek() == UInt8(ascii: "0") {
            index = bytes.index(after: index)
        } else if !digits() {
            return false
        }
        if peek() == UInt8(ascii: ".") {
            index = bytes.index(after: index)
            guard digits() else { return false }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index = bytes.index(after: index)
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index = bytes.index(after: index) }
            guard digits() else { return false }
        }
        return index == bytes.endIndex
    }
}

extension ExactNumber: Codable {
    /// Decodes through `Decimal`: `JSONDecoder` does not expose the number's text, so use
    /// `JSONReader` wherever the exact text matters.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode(Decimal.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(try decimalForEncoding(at: encoder.codingPath))
    }

    /// The `Decimal` an `Encoder` writes, or an error naming the value it cannot hold.
    func decimalForEncoding(at codingPath: [any CodingKey]) throws -> Decimal {
        guard let decimal else {
            throw EncodingError.invalidValue(
                text, .init(codingPath: codingPath, debugDescription: "\(text) is outside Decimal's range"))
        }
        return decimal
    }
}

extension ExactNumber {
    /// The value times 10^`places`, computed on the text: no rounding, no `Double`, and the
    /// digits kept (1200 分 is `12.00` 元). APIs that send money in 分 and energy in 0.001 kWh need this:
    /// `fen.shiftingDecimalPoint(by: -2)` is 元. Written without exponent when that needs at
    /// most `maxPadding` added zeros, else as `<digits>e<exponent>`; `nil` when the exponent is
    /// beyond any real value (`1e99999999999999999999`).
    public func shiftingDecimalPoint(by places: Int, maxPadding: Int = 1024) -> ExactNumber? {
        let parts = DecimalParts(text)
        guard !parts.isSaturated, places.magnitude <= UInt(DecimalParts.limit) else { return nil }
        var mantissa = Substring(text)
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) { mantissa = mantissa[..<e] }
        let negative = mantissa.first == "-"
        if negative { mantissa = mantissa.dropFirst() }
        let integerDigits = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = mantissa.filter { $0 != "." }
        // |writtenExponent| and |places| are at most 2^58: the sum cannot overflow.
        var point = integerDigits + parts.writtenExponent + places
        if point <= 0 {
            guard 1 - point <= maxPadding else { return scientific(negative, digits, point) }
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            guard point - digits.count <= maxPadding else { return scientific(negative, digits, point) }
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integer = String(digits.prefix(point)).drop { $0 == "0" }
        let fraction = String(digits.dropFirst(point))
        if integer.isEmpty { integer = "0" }
        let body = fraction.isEmpty ? String(integer) : integer + "." + fraction
        return ExactNumber(validatedText: (negative && !parts.isZero ? "-" : "") + body)
    }

    /// `0.<digits> × 10^point` written as `<digits>e<exponent>`.
    private func scientific(_ negative: Bool, _ digits: String, _ point: Int) -> ExactNumber {
        ExactNumber(validatedText: (negative ? "-" : "") + digits + "e" + String(point - digits.count))
    }
}
