/// Direct conversion between Swift values and `JSONValue`, used by generated models.
/// Decoding is strict about JSON types and stops at the first problem; use the
/// validators to report every problem of a payload.
public protocol JSONDecodable {
    /// Reads a value from JSON, or throws naming the path and the reason it does not fit.
    init(json: JSONValue) throws(DecodingFailure)
}

/// A value that writes itself as JSON: generated models, code lists and wire values.
public protocol JSONEncodable {
    /// The value as JSON, numbers and texts exactly as they will be sent.
    var json: JSONValue { get }
}

/// Why a value could not be decoded, with the JSON path to it.
public struct DecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Path from the decoded root, outermost first.
    public var path: [JSONPathComponent]
    /// What did not fit, e.g. "expected a string, got number".
    public var reason: String

    /// A failure at `path` (outermost first) for `reason`.
    public init(_ reason: String, path: [JSONPathComponent] = []) {
        self.reason = reason
        self.path = path
    }

    /// A type mismatch: `expected` vs what `value` is.
    public static func typeMismatch(expected: String, found value: JSONValue) -> DecodingFailure {
        DecodingFailure("expected \(expected), got \(value.typeName)")
    }

    public var description: String { "\(JSONPathComponent.render(path)): \(reason)" }

    @usableFromInline
    func prefixed(_ component: JSONPathComponent) -> DecodingFailure {
        DecodingFailure(reason, path: [component] + path)
    }
}

/// One step of a JSON path.
public enum JSONPathComponent: Sendable, Hashable {
    /// A member of an object, by key.
    case key(String)
    /// An element of an array, by zero-based index.
    case index(Int)

    /// `$.parkInfo.chargeItemstable[0].chargeItem`; keys that are not identifiers are quoted.
    public static func render(_ path: some Sequence<JSONPathComponent>, root: String = "$") -> String {
        var text = root
        for component in path {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key):
                let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == UInt8(ascii: "_")
                }
                text += plain ? ".\(key)" : "['\(key.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "\\'"))']"
            }
        }
        return text
    }
}

extension JSONValue {
    /// The members of an object, or a failure naming what was expected.
    public func members(of typeName: String) throws(DecodingFailure) -> [JSONObject.Member] {
        guard case .object(let object) = self else {
            throw .typeMismatch(expected: "object \(typeName)", found: self)
        }
        return object.members
    }
}

extension JSONObject.Member {
    /// The member's value decoded, `nil` when it is JSON `null`; failures name the key.
    /// Inlinable, so that a generated decoder calls its field type's decoder directly.
    @inlinable
    public func decode<T: JSONDecodable>() throws(DecodingFailure) -> T? {
        if case .null = value { return nil }
        do {
            return try T(json: value)
        } catch {
            throw error.prefixed(.key(key))
        }
    }
}

/// A required member's decoded value, or a failure naming the missing key. For generated
/// decoders only (`@_spi(Generated) import InterchangeRuntime`).
@_spi(Generated) @inlinable
public func required<T>(_ value: T?, _ key: String) throws(DecodingFailure) -> T {
    guard let value else { throw DecodingFailure("required member missing", path: [.key(key)]) }
    return value
}

extension String: JSONDecodable, JSONEncodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .string(let text) = json else { throw .typeMismatch(expected: "string", found: json) }
        self = text
    }

    public var json: JSONValue { .string(self) }
}

extension Bool: JSONDecodable, JSONEncodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .bool(let flag) = json else { throw .typeMismatch(expected: "boolean", found: json) }
        self = flag
    }

    public var json: JSONValue { .bool(self) }
}

extension Int: JSONDecodable, JSONEncodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .number(let number) = json, let value = number.integerValue else {
            throw .typeMismatch(expected: "integer", found: json)
        }
        self = Int(value)
    }

    public var json: JSONValue { .number(ExactNumber(self)) }
}

extension Int64: JSONDecodable, JSONEncodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .number(let number) = json, let value = number.integerValue else {
            throw .typeMismatch(expected: "integer", found: json)
        }
        self = value
    }

    public var json: JSONValue { .number(ExactNumber(Int(self))) }
}

extension ExactNumber: JSONDecodable, JSONEncodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .number(let number) = json else { throw .typeMismatch(expected: "number", found: json) }
        self = number
    }

    public var json: JSONValue { .number(self) }
}

extension WireText {
    /// Reads the value from a JSON string in its wire format.
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .string(let text) = json else { throw .typeMismatch(expected: "string", found: json) }
        guard let value = Self(text) else {
            throw DecodingFailure("'\(text)' is not in the format \(Self.wireFormat)")
        }
        self = value
    }

    /// The value as a JSON string, its text exactly as received.
    public var json: JSONValue { .string(description) }
}

extension LocalDate: JSONDecodable, JSONEncodable {}
extension LocalTime: JSONDecodable, JSONEncodable {}
extension LocalDateTime: JSONDecodable, JSONEncodable {}
extension CompactUUID: JSONDecodable, JSONEncodable {}

extension JSONObject: JSONDecodable, JSONEncodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .object(let object) = json else { throw .typeMismatch(expected: "object", found: json) }
        self = object
    }

    public var json: JSONValue { .object(self) }
}

extension Array: JSONDecodable where Element: JSONDecodable {
    public init(json: JSONValue) throws(DecodingFailure) {
        guard case .array(let elements) = json else { throw .typeMismatch(expected: "array", found: json) }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                result.append(try Element(json: element))
            } catch {
                throw error.prefixed(.index(index))
            }
        }
        self = result
    }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    public var json: JSONValue { .array(map(\.json)) }
}
