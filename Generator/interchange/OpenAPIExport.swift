import InterchangeRuntime

/// OpenAPI 3.1 for a protocol's http(s) interfaces: each operation with its request and
/// response in the protocol's envelope, the tables as components (JSON Schema 2020-12).
struct OpenAPIExport {
    let catalog: ProtocolCatalog

    var document: JSONValue {
        let tables = JSONSchemaExport(catalog: catalog, reference: { "#/components/schemas/\($0)" })
        var schemas = JSONObject()
        for model in catalog.models {
            guard case .object(var schema) = tables.schema(for: model.schema) else { continue }
            schema.members.removeAll { ["$schema", "$id"].contains($0.key) }
            schemas.append(model.schema.name, .object(schema))
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
                let mediaType = catalog.name == "Tomda" && interface.server == "tomda" ? "application/x-www-form-urlencoded" : "application/json"
                if method == "get" {
                    operation.append("parameters", .array(request.schema.fields.map { field in
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
    private func envelope(_ model: (any WireModel.Type)?, list: Bool, response: Bool, interface: InterfaceSchema) -> JSONValue {
        let table: JSONValue = model.map { ["$ref": .string("#/components/schemas/\($0.schema.name)")] } ?? ["type": "object"]
        let data: JSONValue = list ? ["type": "array", "items": table] : table
        let encrypted: JSONValue = ["type": "string", "contentEncoding": "base64", "description": .string("AES-128-CBC of the JSON of \(model?.schema.name ?? "the data")")]
        switch catalog.name {
        case "DB4403":
            let array: JSONValue = ["type": "array", "items": table]
            return response
                ? object(["resultCode": ["type": "integer"], "resultMsg": ["type": "string", "maxLength": 255], "timestamp": ["type": "integer"], "data": array], required: ["resultCode", "timestamp", "data"])
                : object(["timestamp": ["type": "integer"], "sign": ["type": "string", "description": "SHA1 of the key-sorted data, lower-case hex (6.1.1 g)"], "data": array], required: ["timestamp", "sign", "data"])
        case "EVCS":
            return response
                ? object(["Ret": ["type": "integer"], "Msg": ["type": "string"], "Data": encrypted, "Sig": ["type": "string"]], required: ["Ret", "Msg", "Data", "Sig"])
                : object(["OperatorID": ["type": "string"], "Data": encrypted, "TimeStamp": ["type": "string", "pattern": "^\\d{14}$"], "Seq": ["type": "string", "pattern": "^\\d{4}$"], "Sig": ["type": "string"]], required: ["OperatorID", "Data", "TimeStamp", "Seq", "Sig"])
        case "Youxing":
            return response
                ? object(["data": encrypted, "msg": ["type": "string"], "status": ["type": "integer"]], required: ["status"])
                : object(["data": encrypted, "token": ["type": "string"]], required: ["data"])
        case "Tomda":
            if interface.server == "tomda" {
                return response ? object(["errorCode": ["type": "string"], "errorDesc": ["type": "string"], "data": data], required: ["errorCode"]) : data
            }
            return response
                ? object(["errorCode": ["type": "string"], "errorDesc": ["type": "string"], "data": data], required: ["errorCode"])
                : object(["type": ["const": .string(interface.code ?? "")], "time": ["type": "string"], "content": data], required: ["type", "time", "content"])
        default:
            return data
        }
    }

    private func object(_ properties: KeyValuePairs<String, JSONValue>, required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(JSONObject(properties.map { JSONObject.Member($0.key, $0.value) })), "required": .array(required.map(JSONValue.string))]
    }
}
