import InterchangeRuntime

/// A checked protocol's tables and interfaces as runtime schemas, so payloads can be
/// validated against any spec folder without compiling Swift (`interchange validate
/// --specs`). The schemas are the ones generated code declares, built from the same checked
/// model, so both give the same diagnostics.
package struct LoadedProtocol: Sendable {
    package let name: String
    package let citation: String
    /// Every table, in the specs' order.
    package let tables: [ObjectSchema]
    package let interfaces: [Interface]

    /// An interface and the tables its business data follows.
    package struct Interface: Sendable {
        package let name: String
        package let code: String?
        package let label: String
        package let request: ObjectSchema?
        package let response: ObjectSchema?
        /// Whether the business data is a list of `request` / `response` objects.
        package let requestIsList: Bool
        package let responseIsList: Bool
    }

    package init(_ model: ProtocolModel) {
        var built: [String: ObjectSchema] = [:]
        let types = Dictionary(model.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        /// Nested tables first; the checker has refused containment cycles.
        func schema(_ name: String) -> ObjectSchema? {
            if let done = built[name] { return done }
            guard let type = types[name] else { return nil }
            let made = ObjectSchema(
                name: type.name, label: type.label, source: type.citedSource, fields: type.fields.map(field),
                rules: type.rules.map(rule), note: type.note)
            built[name] = made
            return made
        }
        func fieldType(_ type: TypeRef) -> FieldType {
            switch type {
            case .list(let element): .list(fieldType(element))
            case .object(let name): schema(name).map(FieldType.object) ?? .builtin(.anyObject)
            case .builtin(let builtin): .builtin(builtin)
            }
        }
        func field(_ field: FieldModel) -> FieldSchema {
            FieldSchema(
                field.name, label: field.label, type: fieldType(field.type), required: field.required, aliases: field.aliases,
                maxLength: field.maxLength, exactLength: field.exactLength, minimum: field.minimum.flatMap(ExactNumber.init),
                maximum: field.maximum.flatMap(ExactNumber.init), scale: field.scale, minItems: field.minItems,
                maxItems: field.maxItems, values: field.enumeration?.cases.map { EnumValue($0.wire, $0.schemaMeaning) } ?? [],
                extensions: field.extensions.map { Int64($0.lowerBound)...Int64($0.upperBound) }, unit: field.unit,
                description: field.description, note: field.note)
        }
        func rule(_ rule: RuleDecl) -> CrossFieldRule {
            switch rule.kind {
            case .atLeastOne(let names): .atLeastOne(names.map(\.value), text: rule.text)
            case .requiredIf(let field, let when, let equals): .requiredIf(field: field.value, when: when.value, equals: equals, text: rule.text)
            }
        }
        name = model.name
        citation = model.citation
        tables = model.types.compactMap { schema($0.name) }
        interfaces = model.interfaces.map { interface in
            Interface(
                name: interface.name, code: interface.code, label: interface.label, request: interface.request.flatMap(schema),
                response: interface.response.flatMap(schema), requestIsList: interface.requestIsList,
                responseIsList: interface.responseIsList)
        }
    }

    /// The interface a user names: its code, spec name or label (codes and names ignore case).
    package func interface(named name: String) -> Interface? {
        let wanted = name.lowercased()
        return interfaces.first { $0.code?.lowercased() == wanted || $0.name.lowercased() == wanted || $0.label == name }
    }

    /// The table a user names: its document name or its source (`parkInfo`, `表3`).
    package func table(named name: String) -> ObjectSchema? {
        tables.first { $0.name.lowercased() == name.lowercased() || $0.source == name }
    }
}
