/// A generated model: it knows its table and converts to and from `JSONValue` directly,
/// without reflection.
public protocol WireModel: JSONDecodable, JSONEncodable, Sendable, Codable {
    /// The table this type was generated from.
    static var schema: ObjectSchema { get }
}

extension WireModel {
    /// `Decodable` through the one exact codec: the value is read as JSON, then as the table
    /// (aliases, unknown members and required members included). Through Foundation's
    /// `JSONDecoder` numbers arrive via `Decimal`; read with `JSONReader` to keep their text.
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    /// `Encodable` through the one exact codec: writes `json`, unknown members included.
    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// Checks `value` against this type's table and reports every problem.
    public static func validate(_ value: JSONValue, options: ValidationOptions = .init()) -> [Diagnostic] {
        Validator(options: options).validate(value, against: schema)
    }

    /// Checks each of `values` at `options.rootPath[index]`, with one diagnostics budget.
    public static func validate(each values: [JSONValue], options: ValidationOptions = .init()) -> [Diagnostic] {
        Validator(options: options).validate(each: values, against: schema)
    }
}

/// A generated enumeration: documented cases plus `undocumented(raw)` for values the
/// document does not list, so a peer's new value decodes instead of failing.
public protocol WireEnum: RawRepresentable, JSONDecodable, JSONEncodable, Sendable, Hashable, Codable
where RawValue: JSONDecodable & JSONEncodable & Codable & Sendable & Hashable {
    init(rawValue: RawValue)
}

extension WireEnum {
    public init(json: JSONValue) throws(DecodingFailure) {
        self.init(rawValue: try RawValue(json: json))
    }

    public var json: JSONValue { rawValue.json }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(RawValue.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
