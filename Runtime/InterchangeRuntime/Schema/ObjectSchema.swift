/// The description of one table of a document (an object type), as generated code
/// declares it. Validators, `interchange describe` and the schema exports read it.
/// Immutable and shared (a class), so validating never copies it.
public final class ObjectSchema: Sendable {
    /// The object's name in the document, e.g. `parkInfo`.
    public let name: String
    /// The document's label, e.g. 停车场信息.
    public let label: String
    /// The table the object comes from, e.g. 表3.
    public let source: String
    /// The fields in the table's order.
    public let fields: [FieldSchema]
    /// Rules the table states in prose, across fields.
    public let rules: [CrossFieldRule]
    /// What the document gets wrong or leaves open about this table.
    public let note: String?
    private let fieldIndex: [String: Int]
    /// Whether any field is required, and which (by position).
    let requiredPositions: [Int]
    /// The names and aliases by their bytes, when all are ASCII.
    let asciiKeys: ASCIIKeyTable?

    /// A table's schema (generated code and loaded specs build these).
    public init(
        name: String, label: String, source: String, fields: [FieldSchema], rules: [CrossFieldRule] = [],
        note: String? = nil
    ) {
        self.name = name
        self.label = label
        self.source = source
        self.fields = fields
        self.rules = rules
        self.note = note
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() {
            for key in [field.name] + field.aliases where index[key] == nil { index[key] = position }
        }
        fieldIndex = index
        requiredPositions = fields.indices.filter { fields[$0].required }
        asciiKeys = ASCIIKeyTable(fields: fields)
    }

    /// The field a wire key names (by its name or one of its aliases).
    public func field(forKey key: String) -> FieldSchema? {
        position(forKey: key).map { fields[$0] }
    }

    /// For generated decoders: the position of the field `key` names (by name or alias), nil for
    /// a key the table does not define. `hint` is the position after the previous member's
    /// field, tried first, and is moved past the field found.
    @_spi(Generated)
    public func decodingPosition(of key: String, hint: inout Int) -> Int? {
        guard let position = position(forKey: key, hint: hint) else { return nil }
        hint = position + 1
        return position
    }

    /// The position of the field `key` names. Peers usually send members in the table's
    /// order, so `hint` (the position after the previous match) is tried before hashing.
    func position(forKey key: String, hint: Int = 0) -> Int? {
        if hint < fields.count, fields[hint].name == key { return hint }
        if let asciiKeys {
            switch key.utf8.withContiguousStorageIfAvailable({ asciiKeys.match($0, hint: hint) }) {
            case .field(let position)?: return position
            case .noField?: return nil
            case .undecided?, nil: break
            }
        }
        return fieldIndex[key]
    }
}

/// One row of a table: a field with its type and constraints. Immutable and shared.
public final class FieldSchema: Sendable {
    /// The wire name, spelled as the document spells it.
    public let name: String
    /// Other spellings accepted on input (conversion artifacts, peer variants).
    public let aliases: [String]
    /// The document's label, e.g. 停车场编号.
    public let label: String
    /// The field's type.
    public let type: FieldType
    /// Whether the table marks the field required (必须/必填).
    public let required: Bool
    /// Longest string allowed, in characters (Unicode scalars).
    public let maxLength: Int?
    /// Exact string length required, in characters.
    public let exactLength: Int?
    /// The smallest value allowed, when the document gives one.
    public let minimum: ExactNumber?
    /// The largest value allowed, when the document gives one.
    public let maximum: ExactNumber?
    /// Most fraction digits a decimal may carry ("小数点后2位" is 2).
    public let scale: Int?
    /// Fewest and most list elements.
    public let minItems: Int?
    /// The most elements a list may hold, when the document says.
    public let maxItems: Int?
    /// The documented values, when the field is enumerated.
    public let values: [EnumValue]
    /// Values reserved for extensions ("3~99：扩展"): accepted although not documented.
    public let extensions: ClosedRange<Int64>?
    /// The unit of the value (元, kWh), for descriptions.
    public let unit: String?
    /// The documented values of an integer field, as integers (for fast checks).
    let integerValues: [Int64]
    /// `minimum` and `maximum` read once, for exact comparisons without re-reading their text.
    let minimumParts: DecimalParts?
    let maximumParts: DecimalParts?
    /// The 说明 column.
    public let description: String?
    /// What the document gets wrong or leaves open about this field.
    public let note: String?

    /// A field's schema (generated code and loaded specs build these).
    public init(
        _ name: String, label: String, type: FieldType, required: Bool = false, aliases: [String] = [],
        maxLength: Int? = nil, exactLength: Int? = nil, minimum: ExactNumber? = nil, maximum: ExactNumber? = nil,
        scale: Int? = nil, minItems: Int? = nil, maxItems: Int? = nil, values: [EnumValue] = [],
        extensions: ClosedRange<Int64>? = nil, unit: String? = nil, description: String? = nil, note: String? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.label = label
        self.type = type
        self.required = required
        self.maxLength = maxLength
        self.exactLength = exactLength
        self.minimum = minimum
        self.maximum = maximum
        self.scale = scale
        self.minItems = minItems
        self.maxItems = maxItems
        self.values = values
        self.integerValues = values.compactMap { Int64($0.wire) }
        self.minimumParts = minimum.map { DecimalParts($0.text) }
        self.maximumParts = maximum.map { DecimalParts($0.text) }
        self.extensions = extensions
        self.unit = unit
        self.description = description
        self.note = note
    }
}

/// A documented value of an enumerated field: its wire text and meaning.
public struct EnumValue: Sendable, Hashable {
    /// Values written one per line as `wire<TAB>meaning`, the form generated code uses: the
    /// Swift compiler reads one string literal in linear time, while an array literal of
    /// 1,000 `EnumValue(…)` calls costs it seconds and gigabytes. A line without a tab is a
    /// value without a meaning.
    public static func table(_ text: String) -> [EnumValue] {
        text.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return EnumValue(String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// The value as it appears on the wire: `0`, `"1000"` → `1000`.
    public let wire: String
    /// What the value means, as the document says it.
    public let meaning: String

    /// A documented value and its meaning.
    public init(_ wire: String, _ meaning: String) {
        self.wire = wire
        self.meaning = meaning
    }
}

/// The type of a field: one of the specs' built-in types, another table, or a list.
public indirect enum FieldType: Sendable {
    /// A type the spec names directly (`String`, `Decimal`, `Object`…).
    case builtin(BuiltinType)
    /// Another table: a generated model's `schema`, or one loaded from a spec folder.
    case object(ObjectSchema)
    /// A JSON array of another type (List<T>).
    case list(FieldType)

    /// The largest magnitude a number of this type holds, by 表2's sizes: Float (4 bytes) and
    /// Double (8 bytes) as IEEE 754, Decimal (16 bytes) as a 96-bit scaled integer; `nil` for
    /// types without one or checked otherwise (integers have exact bounds).
    public var largestMagnitude: ExactNumber? {
        switch self {
        case .builtin(.float): FieldType.largestFloat
        case .builtin(.double): FieldType.largestDouble
        case .builtin(.decimal): FieldType.largestDecimal
        default: nil
        }
    }

    private static let largestFloat = ExactNumber(validatedText: "3.4028234663852886e38")
    private static let largestDouble = ExactNumber(validatedText: "1.7976931348623157e308")
    private static let largestDecimal = ExactNumber(validatedText: "79228162514264337593543950335")
    private static let largestFloatParts = DecimalParts(largestFloat.text)
    private static let largestDoubleParts = DecimalParts(largestDouble.text)
    private static let largestDecimalParts = DecimalParts(largestDecimal.text)

    /// `largestMagnitude`, read once.
    var largestMagnitudeParts: DecimalParts? {
        switch self {
        case .builtin(.float): FieldType.largestFloatParts
        case .builtin(.double): FieldType.largestDoubleParts
        case .builtin(.decimal): FieldType.largestDecimalParts
        default: nil
        }
    }

    /// The type as the document writes it: `String`, `List<chargeItems>`.
    public var documentName: String {
        switch self {
        case .builtin(let builtin): builtin.rawValue
        case .object(let schema): schema.name
        case .list(let element): "List<\(element.documentName)>"
        }
    }
}

/// A rule a table states in prose that involves several fields.
public enum CrossFieldRule: Sendable {
    /// At least one of the fields is present ("spaceNo、plateNo应提供一个").
    case atLeastOne([String], text: String)
    /// `field` is required when `when` holds the value `equals` ("红字发票时应提供").
    case requiredIf(field: String, when: String, equals: String, text: String)
}
