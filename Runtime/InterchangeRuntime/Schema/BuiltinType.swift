/// The types a spec names directly, by the names the specs use (the documents' 表2
/// vocabulary). The one list of field types: the compiler resolves a spec's type names to it
/// and writes each one's Swift type, and `FieldType.builtin` carries it to the validator, the
/// loaded schemas and the exporters.
public enum BuiltinType: String, Sendable, CaseIterable {
    /// Text, counted in Unicode scalars for `maxLength`.
    case string = "String"
    /// A 32-bit integer.
    case int = "Int"
    /// A 64-bit integer.
    case long = "Long"
    /// `true` or `false`.
    case boolean = "Boolean"
    /// A number within a 4-byte IEEE 754 float's range, kept exact.
    case float = "Float"
    /// A number within an 8-byte IEEE 754 double's range, kept exact.
    case double = "Double"
    /// An exact decimal (money); the number text a peer sent is kept.
    case decimal = "Decimal"
    /// `yyyy-MM-dd`.
    case date = "Date"
    /// `yyyy-MM-dd HH:mm:ss`.
    case dateTime = "DateTime"
    /// `HH:mm:ss`.
    case time = "Time"
    /// Epoch seconds as a non-negative integer.
    case timestamp = "Timestamp"
    /// 32 hexadecimal digits without hyphens.
    case uuid = "Uuid"
    /// 表2 Object: any JSON object (one another document defines), kept as received.
    case anyObject = "Object"

    /// Whether values are JSON numbers.
    public var isNumeric: Bool { [.int, .long, .float, .double, .decimal, .timestamp].contains(self) }
    /// Whether values are JSON integers.
    public var isInteger: Bool { [.int, .long, .timestamp].contains(self) }
    /// Whether values are JSON strings.
    public var isTextual: Bool { [.string, .date, .dateTime, .time, .uuid].contains(self) }
}
