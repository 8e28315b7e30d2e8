/// The rule a payload broke. Stable names: they appear in `--format json` output and the
/// dispatcher maps them to each protocol's error codes.
public enum ValidationRule: String, Sendable, Hashable, CaseIterable, Codable {
    /// The JSON type is wrong (string where a number belongs, ...).
    case type
    /// A required field is missing or null.
    case required
    /// A string is longer than allowed.
    case maxLength
    /// A string does not have the exact length required.
    case exactLength
    /// A value is not one of the documented values.
    case enumeration
    /// A number is below the minimum or above the maximum, or outside its integer type.
    case range
    /// A decimal has more fraction digits than its scale.
    case scale
    /// A date, time, date-time or UUID text is malformed.
    case format
    /// A list has too few or too many elements.
    case itemCount
    /// A member the table does not define.
    case unknownField
    /// A cross-field rule from the table's prose ("spaceNo、plateNo应提供一个").
    case crossField
    /// One field sent under two spellings (its name and an alias) with different values.
    case aliasConflict
}
