import InterchangeRuntime

/// A checked protocol as a runtime `ProtocolCatalog` whose tables are schemas, not compiled
/// Swift: what `interchange … --specs DIR` validates, describes, lists and exports against,
/// so an edited spec folder takes effect without a rebuild. The schemas are the ones generated
/// code declares, built from the same checked model, so both give the same diagnostics.
package enum LoadedProtocol {
    package static func catalog(_ model: ProtocolModel) -> ProtocolCatalog {
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
        let interfaces = model.interfaces.map { interface in
            InterfaceSchema(
                name: interface.name, code: interface.code, label: interface.label, source: interface.citedSource,
                server: interface.server, direction: interface.direction, transports: interface.transports, method: interface.method,
                path: interface.path, command: interface.command, requestTable: interface.request.flatMap(schema),
                requestIsList: interface.requestIsList, responseTable: interface.response.flatMap(schema),
                responseIsList: interface.responseIsList, published: interface.published, idempotent: interface.idempotent,
                authenticated: interface.authenticated, note: interface.note)
        }
        return ProtocolCatalog(
            name: model.name, title: model.title, citation: model.citation,
            otherDocuments: Set(model.types.compactMap(\.citation) + model.interfaces.compactMap(\.citation)).sorted(),
            notes: model.notes, settings: model.settings.map { ($0.key, $0.value) }, roles: model.roles.map { ($0.key, $0.label) },
            tables: model.types.compactMap { schema($0.name) },
            codeLists: model.codeLists.map { list in
                CodeListSchema(name: list.swiftName, label: list.label, source: list.source, values: list.cases.map { EnumValue($0.wire, $0.schemaMeaning) })
            },
            interfaces: interfaces)
    }
}
