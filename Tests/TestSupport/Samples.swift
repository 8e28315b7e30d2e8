import InterchangeRuntime

/// A minimal valid value for any table, built from its schema: every required field (and
/// whatever the table's cross-field rules demand), within its length, enumeration and bounds.
public enum Samples {
    public static func object(_ schema: ObjectSchema) -> JSONValue {
        var members: [JSONObject.Member] = []
        var needed = Set(schema.fields.filter(\.required).map(\.name))
        for rule in schema.rules {
            switch rule {
            case .atLeastOne(let names, _): if let first = names.first { needed.insert(first) }
            case .requiredIf(let field, _, _, _): needed.insert(field)
            }
        }
        for field in schema.fields where needed.contains(field.name) {
            members.append(JSONObject.Member(field.name, value(field.type, field)))
        }
        return .object(JSONObject(members))
    }

    static func value(_ type: FieldType, _ field: FieldSchema) -> JSONValue {
        switch type {
        case .string:
            if let first = field.values.first { return .string(first.wire) }
            let length = field.exactLength ?? min(field.maxLength ?? 4, 4)
            return .string(String(repeating: "A", count: max(length, field.exactLength == nil ? 1 : 0)))
        case .int, .long, .timestamp:
            if let first = field.values.first, let number = ExactNumber(first.wire) { return .number(number) }
            return .number(field.minimum ?? 1)
        case .float, .double, .decimal:
            return .number(field.minimum ?? ExactNumber("1.5")!)
        case .boolean: return .bool(true)
        case .date: return .string("2024-05-01")
        case .dateTime: return .string("2024-05-01 08:00:00")
        case .time: return .string("08:00:00")
        case .uuid: return .string("C78E319DAB604A268842ACF164774592")
        case .anyObject: return .object(JSONObject())
        case .object(let model): return object(model.schema)
        case .list(let element):
            return .array(Array(repeating: value(element, field), count: max(field.minItems ?? 1, 1)))
        }
    }

    /// `sample` with its first required field given a value of the wrong JSON type, and the
    /// field's name; nil when the table requires nothing. `textIsAnyType` (form-encoded
    /// protocols, where every value is text) skips text fields, which no value can break.
    public static func breakingFirstRequiredField(of schema: ObjectSchema, in sample: JSONValue, textIsAnyType: Bool = false) -> (JSONValue, String)? {
        let candidates = schema.fields.filter { field in
            guard field.required else { return false }
            guard textIsAnyType else { return true }
            switch field.type {
            case .string, .date, .dateTime, .time, .uuid: return false
            default: return true
            }
        }
        guard case .object(var object) = sample, let field = candidates.first,
            let index = object.members.firstIndex(where: { $0.key == field.name })
        else { return nil }
        let wrong: JSONValue =
            switch field.type {
            case .string, .date, .dateTime, .time, .uuid: .bool(true)
            default: .string("wrong")
            }
        object.members[index].value = wrong
        return (.object(object), field.name)
    }
}
