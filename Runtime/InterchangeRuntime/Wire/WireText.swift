/// A value whose wire form is a JSON string in a fixed format (dates, times, UUIDs).
/// Parsing is strict, so `description` reproduces the received text byte for byte.
public protocol WireText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Parses the wire text; `nil` when it does not match the format.
    init?(_ text: String)
    /// The format, for messages: "yyyy-MM-dd".
    static var wireFormat: String { get }
}

extension WireText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not in the format \(Self.wireFormat)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A wire text whose format can be checked on its UTF-8 in place (the validator reads a
/// tape's bytes without making a `String`).
protocol WireTextFormat {
    /// Whether `utf8` is in the format.
    static func isWellFormed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool
}

extension LocalDate: WireTextFormat { static func isWellFormed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool { scan(utf8) != nil } }
extension LocalTime: WireTextFormat { static func isWellFormed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool { scan(utf8) != nil } }
extension LocalDateTime: WireTextFormat { static func isWellFormed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool { scan(utf8) != nil } }
extension CompactUUID: WireTextFormat { static func isWellFormed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool { isValid(utf8) } }

extension LocalDate { public static var wireFormat: String { "yyyy-MM-dd" } }
extension LocalTime { public static var wireFormat: String { "HH:mm:ss" } }
extension LocalDateTime { public static var wireFormat: String { "yyyy-MM-dd HH:mm:ss" } }
extension CompactUUID { public static var wireFormat: String { "32 hexadecimal digits" } }

/// Runs `body` over the UTF-8 of `text` without copying native strings.
func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var text = text
    return text.withUTF8(body)
}

extension String {
    /// The text without leading and trailing white space.
    package var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars = scalars.dropFirst() }
        while scalars.last?.isWhitespace == true { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
