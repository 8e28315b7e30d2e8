import InterchangeRuntime

/// JSON Schema (2020-12) for a protocol's tables and interfaces, from its catalog: one schema
/// per type (`<name>.schema.json`) and per interface request/response
/// (`interfaces/<name>.request.schema.json`). Optional members may be null (the validators
/// treat null as absent); aliases are not exported.
struct JSONSchemaExport {
    let catalog: ProtocolCatalog
    /// How a table refers to another: a file (`name.schema.json`) or an OpenAPI component.
    var reference: @Sendable (String) -> String = { "\($0).schema.json" }

    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// Relative path → schema.
    var files: [(path: String, schema: JSONValue)] {
        var files = catalog.tables.map { table in ("\(table.name).schema.json", schema(for: table)) }
        for interface in catalog.interfaces where interface.published {
            for (kind, table, isList) in [("request", interface.request, interface.requestIsList), ("response", interface.response, interface.responseIsList)] {
                guard let table else { continue }
                let reference: JSONValue = ["$ref": .string("../\(table.name).schema.json")]
                var object = JSONObject()
                object.append("$schema", .string(Self.dialect))
                object.append("$id", .string("interfaces/\(interface.name).\(kind).schema.json"))
                object.append("title", .string("\(interface.code ?? interface.name) \(interface.label) (\(kind))"))
                object.append("x-source", .string(interface.source))
                if isList {
                    object.append("type", "array")
                    object.append("items", reference)
                } else {
                    object.members += reference.objectMembers
                }
                files.append(("interfaces/\(interface.name).\(kind).schema.json", .object(object)))
            }
        }
        return files
    }

    func schema(for table: ObjectSchema) -> JSONValue {
        var object = JSONObject()
        object.append("$schema", .string(Self.dialect))
        object.append("$id", .string("\(table.name).schema.json"))
        object.append("title", .string("\(table.label) (\(table.name))"))
        if let note = table.note { object.append("$comment", .string(note)) }
        object.append("x-source", .string(table.source))
        object.append("type", "object")
        // An alias is a property of its own with the field's schema; a required field with
        // aliases is present under any of its spellings.
        object.append("properties", .object(JSONObject(table.fields.flatMap { field in
            let schema = property(field, table)
            return [JSONObject.Member(field.name, schema)] + field.aliases.map { JSONObject.Member($0, aliasProperty(schema, of: field)) }
        })))
        let required = table.fields.filter { $0.required && $0.aliases.isEmpty }.map { JSONValue.string($0.name) }
        if !required.isEmpty { object.append("required", .array(required)) }
        // Two spellings at once: the validator refuses them when their values differ, which JSON
        // Schema cannot compare, so the schema refuses them together at all.
        let spellings: [JSONValue] = table.fields.filter { !$0.aliases.isEmpty }.flatMap { field -> [JSONValue] in
            let names = [field.name] + field.aliases
            let once: [JSONValue] = names.indices.flatMap { i in names.indices.filter { $0 > i }.map { j -> JSONValue in ["not": ["required": [.string(names[i]), .string(names[j])]]] } }
            return (field.required ? [["anyOf": .array(names.map { ["required": [.string($0)]] })]] : []) + once
        }
        let rules = spellings + table.rules.map(rule)
        if !rules.isEmpty { object.append("allOf", .array(rules)) }
        return .object(object)
    }

    /// The property of an alias: the field's own schema, saying whose alias it is.
    private func aliasProperty(_ schema: JSONValue, of field: FieldSchema) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        object.members.removeAll { $0.key == "$comment" }
        object.append("$comment", .string("An alias of \(field.name): the same field under another spelling."))
        return .object(object)
    }

    private func property(_ field: FieldSchema, _ table: ObjectSchema) -> JSONValue {
        var object = JSONObject()
        object.append("description", .string(field.label + (field.description.map { ": \($0)" } ?? "")))
        object.append("x-source", .string(table.source))
        if let unit = field.unit { object.append("x-unit", .string(unit)) }
        if let scale = field.scale { object.append("x-scale", .number(ExactNumber(scale))) }
        if let note = field.note { object.append("$comment", .string(note)) }
        var value = type(field.type, field).objectMembers
        if case .list = field.type {
            if let minItems = field.minItems { value.append(.init("minItems", .number(ExactNumber(minItems)))) }
            if let maxItems = field.maxItems { value.append(.init("maxItems", .number(ExactNumber(maxItems)))) }
        }
        if field.required {
            object.members += value
        } else {
            object.append("anyOf", [.object(JSONObject(value)), ["type": "null"]])
        }
        return .object(object)
    }

    /// The schema of a value of `type`; constraints of `field` apply to scalars and list elements.
    private func type(_ type: FieldType, _ field: FieldSchema) -> JSONValue {
        var object = JSONObject()
        switch type {
        case .builtin(.string):
            object.append("type", "string")
            if let maxLength = field.maxLength { object.append("maxLength", .number(ExactNumber(maxLength))) }
            if let exact = field.exactLength {
                object.append("minLength", .number(ExactNumber(exact)))
                object.append("maxLength", .number(ExactNumber(exact)))
            }
            if !field.values.isEmpty { object.append("enum", .array(field.values.map { .string($0.wire) })) }
        case .builtin(.int), .builtin(.long), .builtin(.timestamp):
            let bounds: (Int, Int) =
                switch type {
                case .builtin(.int): (Int(Int32.min), Int(Int32.max))
                case .builtin(.timestamp): (0, Int(Int64.max))
                default: (Int(Int64.min), Int(Int64.max))
                }
            object.append("type", "integer")
            object.append("minimum", .number(field.minimum ?? ExactNumber(bounds.0)))
            object.append("maximum", .number(field.maximum ?? ExactNumber(bounds.1)))
            if !field.values.isEmpty {
                let documented: JSONValue = ["enum": .array(field.values.compactMap { ExactNumber($0.wire).map(JSONValue.number) })]
                if let extensions = field.extensions {
                    object.append("anyOf", [documented, ["minimum": .number(ExactNumber(Int(extensions.lowerBound))), "maximum": .number(ExactNumber(Int(extensions.upperBound)))]])
                } else {
                    object.members += documented.objectMembers
                }
            }
        case .builtin(.float), .builtin(.double), .builtin(.decimal):
            object.append("type", "number")
            if let minimum = field.minimum { object.append("minimum", .number(minimum)) }
            if let maximum = field.maximum { object.append("maximum", .number(maximum)) }
        case .builtin(.boolean):
            object.append("type", "boolean")
        case .builtin(.date):
            object.append("type", "string")
            object.append("pattern", #"^\d{4}-\d{2}-\d{2}$"#)
        case .builtin(.dateTime):
            object.append("type", "string")
            object.append("pattern", #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#)
        case .builtin(.time):
            object.append("type", "string")
            object.append("pattern", #"^\d{2}:\d{2}:\d{2}$"#)
        case .builtin(.uuid):
            object.append("type", "string")
            object.append("pattern", "^[0-9A-Fa-f]{32}$")
        case .builtin(.anyObject):
            object.append("type", "object")
        case .object(let schema):
            object.append("$ref", .string(reference(schema.name)))
        case .list(let element):
            object.append("type", "array")
            object.append("items", self.type(element, field))
        }
        return .object(object)
    }

    private func rule(_ rule: CrossFieldRule) -> JSONValue {
        switch rule {
        case .atLeastOne(let names, let text):
            return ["$comment": .string(text), "anyOf": .array(names.map { ["required": [.string($0)]] })]
        case .requiredIf(let field, let when, let equals, let text):
            let value: JSONValue = ExactNumber(equals).map(JSONValue.number) ?? .string(equals)
            return [
                "$comment": .string(text),
                "if": ["properties": [when: ["anyOf": [["const": value], ["const": .string(equals)]]]], "required": [.string(when)]],
                "then": ["required": [.string(field)]],
            ]
        }
    }
}

extension JSONValue {
    /// The members when this is an object, else none.
    var objectMembers: [JSONObject.Member] {
        if case .object(let object) = self { return object.members }
        return []
    }
}
