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

    public init(_ value: Int) {
        text = String(value)
    }

    /// The plain decimal form of `value` (Foundation writes no exponent for `Decimal`).
    public init(_ value: Decimal) {
        text = value.description
    }

    public var description: String { text }

    /// The value as an exact `Decimal`. Texts with more than 38 significant digits round.
    public var decimal: Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0 }

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
    public var significantFractionDigits: Int {
        let utf8 = text.utf8
        var exponent = 0
        var mantissaEnd = utf8.endIndex
        if let e = utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(text.utf8[utf8.index(after: e)...]) ?? "") ?? 0
            mantissaEnd = e
        }
        guard let dot = utf8[..<mantissaEnd].firstIndex(of: UInt8(ascii: ".")) else { return max(0, -exponent) }
        var digits = utf8.distance(from: utf8.index(after: dot), to: mantissaEnd)
        var index = mantissaEnd
        while digits > 0 {
            index = utf8.index(before: index)
            guard utf8[index] == UInt8(ascii: "0") else { break }
            digits -= 1
        }
        return max(0, digits - exponent)
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
        try container.encode(decimal)
    }
}

extension ExactNumber {
    /// The value times 10^`places`, computed on the text: no rounding, no `Double`.
    /// Tomda sends money in 分 and energy in 0.001 kWh: `fen.shiftingDecimalPoint(by: -2)` is 元.
    public func shiftingDecimalPoint(by places: Int) -> ExactNumber {
        var mantissa = Substring(text)
        var exponent = places
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent += Int(mantissa[mantissa.index(after: e)...]) ?? 0
            mantissa = mantissa[..<e]
        }
        let negative = mantissa.first == "-"
        if negative { mantissa = mantissa.dropFirst() }
        let dot = mantissa.firstIndex(of: ".")
        var digits = mantissa.filter { $0 != "." }
        var point = dot.map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        point += exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integer = String(digits.prefix(point)).drop { $0 == "0" }
        let fraction = String(digits.dropFirst(point))
        if integer.isEmpty { integer = "0" }
        let body = fraction.isEmpty ? String(integer) : integer + "." + fraction
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." }
        return ExactNumber(validatedText: (negative && !isZero ? "-" : "") + body)
    }
}
