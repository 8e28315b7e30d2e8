/// Reads a spec file's syntax tree into `SpecFile`, reporting every structural mistake.
struct SpecParser {
    let sink: DiagnosticSink

    static let fileKeys = ["protocol", "types", "codeLists", "interfaces"]
    static let protocolKeys = ["name", "module", "title", "citation", "notes", "covers", "roles", "baseTypes", "settings"]
    static let interfaceKeys = [
        "code", "label", "source", "citation", "section", "server", "direction", "transports", "method", "path", "command",
        "request", "response", "published", "idempotent", "authenticated", "note",
    ]
    static let baseTypeKeys = ["json", "length", "description", "format"]
    static let typeKeys = ["swiftName", "label", "title", "source", "citation", "section", "note", "fields", "rules"]
    static let fieldKeys = [
        "swiftName", "aliases", "label", "type", "required", "maxLength", "length", "minimum", "maximum", "scale",
        "minItems", "maxItems", "unit", "values", "extensions", "codeList", "description", "note",
    ]
    static let extensionKeys = ["minimum", "maximum"]
    static let valueKeys = ["case", "meaning", "detail", "also"]
    static let alsoKeys = ["meaning", "detail"]
    static let ruleKeys = ["atLeastOne", "requiredIf", "text"]
    static let requiredIfKeys = ["field", "when", "equals"]
    static let codeListKeys = ["swiftName", "label", "source", "type", "note", "codes"]

    func parse(_ root: SyntaxNode, path: String, displayPath: String) -> SpecFile {
        var file = SpecFile(path: path, displayPath: displayPath)
        guard let top = MappingReader(root, what: "a spec file", allowed: Self.fileKeys, sink: sink) else { return file }
        if let node = top.node("protocol") { file.protocolDecl = parseProtocol(node) }
        if let node = top.node("types") {
            file.types = entries(node, what: "types").compactMap(parseType)
        }
        if let node = top.node("codeLists") {
            file.codeLists = entries(node, what: "codeLists").compactMap(parseCodeList)
        }
        if let node = top.node("interfaces") {
            file.interfaces = entries(node, what: "interfaces").compactMap(parseInterface)
        }
        return file
    }

    /// The `name: body` entries of a mapping section, names checked as scalars.
    private func entries(_ node: SyntaxNode, what: String) -> [(name: Located<String>, body: SyntaxNode)] {
        guard let reader = MappingReader(node, what: "'\(what)'", allowed: nil, sink: sink) else { return [] }
        return reader.orderedKeys.compactMap { key in reader.node(key.value).map { (key, $0) } }
    }

    private func parseProtocol(_ node: SyntaxNode) -> ProtocolDecl? {
        guard let reader = MappingReader(node, what: "protocol", allowed: Self.protocolKeys, sink: sink),
            let name = reader.string("name", required: true)
        else { return nil }
        let baseTypes: [BaseTypeDecl] = reader.node("baseTypes").map { entries($0, what: "baseTypes") }?.compactMap { entry in
            guard let body = MappingReader(entry.body, what: "base type '\(entry.name.value)'", allowed: Self.baseTypeKeys, sink: sink),
                let json = body.text("json", required: true), let description = body.text("description", required: true)
            else { return nil }
            return BaseTypeDecl(name: entry.name, json: json, length: body.text("length"), description: description, format: body.text("format"))
        } ?? []
        var roles: [(key: Located<String>, label: String)] = []
        if let node = reader.node("roles"), let body = MappingReader(node, what: "roles", allowed: nil, sink: sink) {
            for key in body.orderedKeys {
                if let label = body.text(key.value) { roles.append((key, label)) }
            }
        }
        var settings: [(key: Located<String>, value: Located<String>)] = []
        if let node = reader.node("settings"), let body = MappingReader(node, what: "settings", allowed: nil, sink: sink) {
            for key in body.orderedKeys {
                if let value = body.string(key.value) { settings.append((key, value)) }
            }
        }
        return ProtocolDecl(
            name: name, module: reader.string("module"), title: reader.text("title", required: true) ?? "",
            citation: reader.text("citation", required: true) ?? "", notes: reader.strings("notes").map(\.value),
            covers: reader.strings("covers").map(\.value), roles: roles, baseTypes: baseTypes, settings: settings, location: node.location)
    }

    private func parseType(_ entry: (name: Located<String>, body: SyntaxNode)) -> TypeDecl? {
        let what = "type '\(entry.name.value)'"
        guard let reader = MappingReader(entry.body, what: what, allowed: Self.typeKeys, sink: sink) else { return nil }
        let label = reader.text("label", required: true)
        let source = reader.text("source", required: true)
        var fields: [FieldDecl] = []
        if let node = reader.node("fields") {
            fields = entries(node, what: "fields of \(what)").compactMap(parseField)
            if fields.isEmpty, case .mapping(let pairs) = node.kind, pairs.isEmpty {
                sink.error("\(what) has no fields", at: node.location)
            }
        } else {
            sink.error("\(what) is missing required key 'fields'", at: entry.body.location)
        }
        let rules: [RuleDecl] = reader.node("rules").map(parseRules) ?? []
        // A missing label or source is already reported; keep checking the fields.
        return TypeDecl(
            name: entry.name, swiftName: reader.string("swiftName"), label: label ?? "", title: reader.text("title"),
            source: source ?? "", citation: reader.text("citation"), section: reader.text("section"), note: reader.text("note"),
            fields: fields, rules: rules)
    }

    private func parseField(_ entry: (name: Located<String>, body: SyntaxNode)) -> FieldDecl? {
        let what = "field '\(entry.name.value)'"
        guard let reader = MappingReader(entry.body, what: what, allowed: Self.fieldKeys, sink: sink) else { return nil }
        let label = reader.text("label", required: true)
        let type = reader.string("type", required: true)
        let values = reader.node("values").map { parseValues($0, of: what) } ?? []
        var extensions: (minimum: Located<Int>, maximum: Located<Int>)?
        if let node = reader.node("extensions"),
            let range = MappingReader(node, what: "'extensions' of \(what)", allowed: Self.extensionKeys, sink: sink),
            let minimum = range.integer("minimum"), let maximum = range.integer("maximum")
        {
            extensions = (minimum, maximum)
        }
        guard let type else { return nil }
        return FieldDecl(
            name: entry.name, swiftName: reader.string("swiftName"), aliases: reader.strings("aliases"), label: label ?? "",
            type: type, required: reader.bool("required", default: false), maxLength: reader.integer("maxLength"),
            length: reader.integer("length"), minimum: reader.string("minimum"), maximum: reader.string("maximum"),
            scale: reader.integer("scale"), minItems: reader.integer("minItems"), maxItems: reader.integer("maxItems"),
            unit: reader.text("unit"), values: values, valuesLocation: reader.node("values")?.location, extensions: extensions,
            codeList: reader.string("codeList"), description: reader.text("description"), note: reader.text("note"),
            location: entry.name.location)
    }

    private func parseValues(_ node: SyntaxNode, of owner: String) -> [EnumValueDecl] {
        entries(node, what: "values of \(owner)").compactMap { entry in
            guard let body = MappingReader(entry.body, what: "value \(entry.name.value) of \(owner)", allowed: Self.valueKeys, sink: sink),
                let caseName = body.string("case", required: true), let meaning = body.text("meaning", required: true)
            else { return nil }
            var also: [(meaning: String, detail: String?)] = []
            if let node = body.node("also") {
                guard case .sequence(let items) = node.kind else {
                    sink.error("'also' of value \(entry.name.value) must be a sequence, found \(node.kindName)", at: node.location)
                    return nil
                }
                for item in items {
                    guard let other = MappingReader(item, what: "another meaning of \(entry.name.value)", allowed: Self.alsoKeys, sink: sink),
                        let otherMeaning = other.text("meaning", required: true)
                    else { continue }
                    also.append((otherMeaning, other.text("detail")))
                }
            }
            return EnumValueDecl(value: entry.name, caseName: caseName, meaning: meaning, detail: body.text("detail"), also: also)
        }
    }

    private func parseRules(_ node: SyntaxNode) -> [RuleDecl] {
        guard case .sequence(let items) = node.kind else {
            sink.error("'rules' must be a sequence, found \(node.kindName)", at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let reader = MappingReader(item, what: "a rule", allowed: Self.ruleKeys, sink: sink) else { return nil }
            let text = reader.text("text", required: true) ?? ""
            if reader.has("atLeastOne") {
                let fields = reader.strings("atLeastOne")
                if fields.count < 2 { sink.error("'atLeastOne' names at least two fields", at: item.location) }
                return RuleDecl(kind: .atLeastOne(fields), text: text, location: item.location)
            }
            if let condition = reader.node("requiredIf") {
                guard let body = MappingReader(condition, what: "'requiredIf'", allowed: Self.requiredIfKeys, sink: sink),
                    let field = body.string("field", required: true), let when = body.string("when", required: true),
                    let equals = body.text("equals", required: true)
                else { return nil }
                return RuleDecl(kind: .requiredIf(field: field, when: when, equals: equals), text: text, location: item.location)
            }
            sink.error("a rule needs 'atLeastOne' or 'requiredIf'", at: item.location)
            return nil
        }
    }

    private func parseCodeList(_ entry: (name: Located<String>, body: SyntaxNode)) -> CodeListDecl? {
        let what = "code list '\(entry.name.value)'"
        guard let reader = MappingReader(entry.body, what: what, allowed: Self.codeListKeys, sink: sink) else { return nil }
        let label = reader.text("label", required: true)
        let source = reader.text("source", required: true)
        let type = reader.string("type", required: true)
        let codes = reader.node("codes").map { parseValues($0, of: what) } ?? []
        if !reader.has("codes") { sink.error("\(what) is missing required key 'codes'", at: entry.body.location) }
        guard let label, let source, let type else { return nil }
        return CodeListDecl(
            name: entry.name, swiftName: reader.string("swiftName"), label: label, source: source, type: type,
            note: reader.text("note"), codes: codes, location: entry.name.location)
    }

    private func parseInterface(_ entry: (name: Located<String>, body: SyntaxNode)) -> InterfaceDecl? {
        let what = "interface '\(entry.name.value)'"
        guard let reader = MappingReader(entry.body, what: what, allowed: Self.interfaceKeys, sink: sink) else { return nil }
        let label = reader.text("label", required: true)
        let source = reader.text("source", required: true)
        let server = reader.string("server", required: true)
        let transports = reader.strings("transports")
        if !reader.has("transports") { sink.error("\(what) is missing required key 'transports'", at: entry.body.location) }
        guard let server else { return nil }
        return InterfaceDecl(
            name: entry.name, code: reader.string("code"), label: label ?? "", source: source ?? "",
            citation: reader.text("citation"), section: reader.text("section"), server: server, direction: reader.text("direction"), transports: transports,
            method: reader.string("method"), path: reader.text("path"), command: reader.integer("command"),
            request: reader.string("request"), response: reader.string("response"),
            published: reader.bool("published", default: true), idempotent: reader.bool("idempotent", default: true),
            authenticated: reader.bool("authenticated", default: true),
            note: reader.text("note"),
            location: entry.name.location)
    }
}
