import InterchangeRuntime

/// OpenAPI 3.1 for a protocol's http(s) interfaces: each operation with its request and
/// response in the protocol's envelope, the tables as components (JSON Schema 2020-12).
struct OpenAPIExport {
    let catalog: ProtocolCatalog
    /// The protocol whose envelope wraps each table; nil exports the bare tables.
    let envelope: (any ProtocolDescriptor)?

    var document: JSONValue {
        let tables = JSONSchemaExport(catalog: catalog, reference: { "#/components/schemas/\($0)" })
        var schemas = JSONObject()
        for table in catalog.tables {
            guard case .object(var schema) = tables.schema(for: table) else { continue }
            schema.members.removeAll { ["$schema", "$id"].contains($0.key) }
            schemas.append(table.name, .object(schema))
        }
        var paths = JSONObject()
        for interface in catalog.interfaces where interface.published && interface.transports.contains(where: { $0.hasPrefix("http") }) {
            guard let path = interface.path else { continue }
            let method = (interface.method ?? "POST").lowercased()
            var operation = JSONObject()
            operation.append("operationId", .string(interface.name))
            operation.append("summary", .string("\(interface.code.map { "\($0) " } ?? "")\(interface.label)"))
            if let note = interface.note { operation.append("description", .string(note)) }
            operation.append("x-source", .string(interface.source))
            operation.append("x-served-by", .string(interface.server))
            if let request = interface.request {
                let mediaType = envelope?.requestMediaType(for: interface) ?? "application/json"
                if method == "get" {
                    operation.append("parameters", .array(request.fields.map { field in
                        ["name": .string(field.name), "in": "query", "required": .bool(field.required), "description": .string(field.label),
                         "schema": ["type": "string"]]
                    }))
                } else {
                    operation.append("requestBody", ["required": true, "content": [mediaType: ["schema": envelope(request, list: interface.requestIsList, response: false, interface: interface)]]])
                }
            }
            let answer: JSONValue = interface.response.map { envelope($0, list: interface.responseIsList, response: true, interface: interface) }
                ?? envelope(nil, list: false, response: true, interface: interface)
            operation.append("responses", ["200": ["description": "The answer, in the protocol's envelope", "content": ["application/json": ["schema": answer]]]])
            var item = (paths[path]).flatMap { if case .object(let o) = $0 { o } else { nil } } ?? JSONObject()
            item.append(method, .object(operation))
            paths.members.removeAll { $0.key == path }
            paths.append(path, .object(item))
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": .string("\(catalog.name): \(catalog.title)"), "version": "1.0", "description": .string("Generated from the spec of \(catalog.citation).")],
            "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
            "paths": .object(paths),
            "components": ["schemas": .object(schemas)],
        ]
    }

    /// The message a peer sends or answers, around the business table `model`.
    private func envelope(_ schema: ObjectSchema?, list: Bool, response: Bool, interface: InterfaceSchema) -> JSONValue {
        let table: JSONValue = schema.map { ["$ref": .string("#/components/schemas/\($0.name)")] } ?? ["type": "object"]
        let data: JSONValue = list ? ["type": "array", "items": table] : table
        return envelope?.messageSchema(around: data, interface: interface, response: response) ?? data
    }
}
