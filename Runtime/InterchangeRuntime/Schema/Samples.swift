/// A minimal valid value for any table, built from its schema: every required field (and
/// whatever the table's cross-field rules demand), within its length, enumeration and bounds.
/// Simulators answer with these; conformance suites send them, and spoil them one rule at a
/// time (`breaking(_:of:in:textIsAnyType:)`) to see a peer refuse them.
public enum Samples {
    /// A minimal valid object of the table `schema`.
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

    /// A sample of `interface`'s request business data: one object, in a list when the
    /// interface carries a list; nil when it has no request table.
    public static func request(for interface: InterfaceSchema) -> JSONValue? {
        interface.request.map { shaped(object($0), asList: interface.requestIsList) }
    }

    /// A sample of `interface`'s response business data, shaped like `request(for:)`.
    public static func response(for interface: InterfaceSchema) -> JSONValue? {
        interface.response.map { shaped(object($0), asList: interface.responseIsList) }
    }

    /// `object` as an interface carries it: alone, or as the one element of a list.
    public static func shaped(_ object: JSONValue, asList: Bool) -> JSONValue {
        asList ? .array([object]) : object
    }

    /// A sample value of `type` that `field`'s constraints accept.
    public static func value(_ type: FieldType, _ field: FieldSchema) -> JSONValue {
        switch type {
        case .builtin(.string):
            if let first = field.values.first { return .string(first.wire) }
            let length = field.exactLength ?? min(field.maxLength ?? 4, 4)
            return .string(String(repeating: "A", count: max(length, field.exactLength == nil ? 1 : 0)))
        case .builtin(.int), .builtin(.long), .builtin(.timestamp):
            if let first = field.values.first, let number = ExactNumber(first.wire) { return .number(number) }
            return .number(field.minimum ?? 1)
        case .builtin(.float), .builtin(.double), .builtin(.decimal):
            return .number(field.minimum ?? (ExactNumber("1.5") ?? ExactNumber(1)))
        case .builtin(.boolean): return .bool(true)
        case .builtin(.date): return .string("2024-05-01")
        case .builtin(.dateTime): return .string("2024-05-01 08:00:00")
        case .builtin(.time): return .string("08:00:00")
        case .builtin(.uuid): return .string("C78E319DAB604A268842ACF164774592")
        case .builtin(.anyObject): return .object(JSONObject())
        case .object(let schema): return object(schema)
        case .list(let element):
            return .array(Array(repeating: value(element, field), count: max(field.minItems ?? 1, 1)))
        }
    }

    /// The ways `breaking` spoils a request.
    public enum Breakage: String, Sendable, CaseIterable {
        /// A value of the wrong JSON type.
        case wrongType
        /// Text one character longer than the table allows.
        case tooLong
        /// A value outside the field's enumeration.
        case notEnumerated
    }

    /// `sample` with its first required field that `way` applies to spoilt, and that field's
    /// name; nil when no required field can be spoilt that way. `textIsAnyType` (form-encoded
    /// protocols, where every value is text) skips text fields for `wrongType`.
    public static func breaking(_ way: Breakage, of schema: ObjectSchema, in sample: JSONValue, textIsAnyType: Bool = false) -> (JSONValue, String)? {
        guard case .object(var object) = sample else { return nil }
        for field in schema.fields where field.required {
            guard let index = object.members.firstIndex(where: { $0.key == field.name }),
                let spoilt = spoil(field, way, textIsAnyType: textIsAnyType)
            else { continue }
            object.members[index].value = spoilt
            return (.object(object), field.name)
        }
        return nil
    }

    static func spoil(_ field: FieldSchema, _ way: Breakage, textIsAnyType: Bool) -> JSONValue? {
        let isText =
            switch field.type {
            case .builtin(let builtin): builtin.isTextual
            default: false
            }
        switch way {
        case .wrongType:
            if isText { return textIsAnyType ? nil : .bool(true) }
            return .string("wrong")
        case .tooLong:
            guard case .builtin(.string) = field.type, field.values.isEmpty, let limit = field.exactLength ?? field.maxLength else { return nil }
            return .string(String(repeating: "A", count: limit + 1))
        case .notEnumerated:
            guard !field.values.isEmpty, field.extensions == nil else { return nil }
            let isList = if case .list = field.type { true } else { false }
            let elementType = if case .list(let element) = field.type { element } else { field.type }
            let outside: JSONValue
            if case .builtin(.string) = elementType {
                // Text within the field's length, so that only the enumeration is broken.
                let length = field.exactLength ?? min(field.maxLength ?? 3, 3)
                let documented = Set(field.values.map(\.wire))
                guard let text = ["Z", "Y", "X"].map({ String(repeating: $0, count: length) }).first(where: { !documented.contains($0) }) else { return nil }
                outside = .string(text)
            } else {
                outside = .number(ExactNumber(987_654))
            }
            return isList ? .array([outside]) : outside
        }
    }
}
