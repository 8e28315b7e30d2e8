import InterchangeRuntime

/// Resolves and checks the spec files of one protocol into a `ProtocolModel`, reporting
/// every semantic problem (unknown types, misplaced constraints, bad names) at its location.
struct SpecChecker {
    let sink: DiagnosticSink

    /// `folder` names the protocol's files when none of them declares `protocol:`.
    func check(_ files: [SpecFile], folder: String) -> ProtocolModel? {
        let protocols = files.compactMap(\.protocolDecl)
        guard let protocolDecl = protocols.first, let protocolFile = files.first(where: { $0.protocolDecl != nil })?.path else {
            let file = files.first?.displayPath ?? folder
            sink.error("no file of this protocol declares 'protocol:'", at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        for extra in protocols.dropFirst() {
            sink.error("'protocol:' is declared twice (first at \(protocolDecl.location.file):\(protocolDecl.location.line))", at: extra.location)
        }
        for baseType in protocolDecl.baseTypes where BuiltinType(rawValue: baseType.name.value) == nil {
            sink.error(
                "base type '\(baseType.name.value)' is not one of the built-in types\(suggestion(for: baseType.name.value, among: BuiltinType.allCases.map(\.rawValue)))",
                at: baseType.name.location)
        }
        let module = protocolDecl.module ?? protocolDecl.name
        if !Naming.isIdentifier(module.value) {
            sink.error("module name '\(module.value)' is not a Swift identifier", at: module.location)
        }

        var typeNames: [String: SourceLocation] = [:]
        var swiftTypeNames: [String: SourceLocation] = [:]
        for type in files.flatMap(\.types) {
            if let first = typeNames[type.name.value] {
                sink.error("type '\(type.name.value)' is declared twice (first at \(first.file):\(first.line))", at: type.name.location)
            }
            typeNames[type.name.value] = type.name.location
            claimSwiftName(type.swiftName ?? Located(value: Naming.typeName(type.name.value), location: type.name.location), in: &swiftTypeNames)
        }
        var codeLists: [String: EnumModel] = [:]
        for list in files.flatMap(\.codeLists) {
            let swiftName = list.swiftName ?? Located(value: Naming.typeName(list.name.value), location: list.name.location)
            claimSwiftName(swiftName, in: &swiftTypeNames)
            if let model = makeEnumeration(
                list.codes, rawType: list.type, swiftName: swiftName.value, label: list.label, source: list.source, citation: nil,
                note: list.note, at: list.location)
            {
                codeLists[list.name.value] = model
            }
        }

        checkSettings(protocolDecl.settings)
        // Each file's interfaces become one `Interfaces` namespace and one service per role:
        // two files of interfaces would declare them twice.
        let interfaceFiles = files.filter { !$0.interfaces.isEmpty }
        if interfaceFiles.count > 1, let first = interfaceFiles.first?.interfaces.first, let other = interfaceFiles.dropFirst().first?.interfaces.first {
            sink.error(
                "a protocol declares its interfaces in one file, and \(first.name.location.file) has some already",
                at: other.name.location)
        }
        let context = Context(typeNames: Set(typeNames.keys), codeLists: codeLists)
        let roles = protocolDecl.roles.map(\.key.value)
        var interfaceNames: [String: SourceLocation] = [:]
        var interfaceCodes: [String: SourceLocation] = [:]
        let fileModels = files.map { file in
            FileModel(
                path: file.path, types: file.types.map { check($0, context) },
                codeLists: file.codeLists.compactMap { codeLists[$0.name.value] },
                interfaces: file.interfaces.map { interface in
                    claim(interface.name, in: &interfaceNames, what: "interface name")
                    if let code = interface.code { claim(code, in: &interfaceCodes, what: "interface code") }
                    return check(interface, roles: roles, context)
                })
        }
        checkContainment(fileModels.flatMap(\.types), files.flatMap(\.types))
        return ProtocolModel(
            name: protocolDecl.name.value, module: module.value, title: protocolDecl.title, citation: protocolDecl.citation,
            notes: protocolDecl.notes, covers: protocolDecl.covers, roles: protocolDecl.roles.map { ($0.key.value, $0.label) },
            baseTypes: protocolDecl.baseTypes,
            settings: protocolDecl.settings.map { ($0.key.value, $0.value.value) }, protocolFile: protocolFile,
            files: fileModels, location: protocolDecl.name.location)
    }

    /// The settings the runtime knows, with the values each accepts (`nil`: any text).
    static let settings: [String: [String]?] = [
        "keyCasing": ["lowerCamel", "PascalCase", "snake_case"],
        "envelope": ["db4403", "evcs", "youxing", "tomda", "yinli", "none"],
        "method": ["POST", "GET"],
        "transports": nil, "responseTimeoutSeconds": nil, "maxMessageBytes": nil, "signature": nil,
        "encryption": nil, "tokenLifetimeSeconds": nil, "timestampFormat": nil,
    ]

    private func checkSettings(_ settings: [(key: Located<String>, value: Located<String>)]) {
        for setting in settings {
            guard let allowed = Self.settings[setting.key.value] else {
                sink.error("unknown setting '\(setting.key.value)'\(suggestion(for: setting.key.value, among: Self.settings.keys.sorted()))", at: setting.key.location)
                continue
            }
            if let allowed, !allowed.contains(setting.value.value) {
                sink.error("setting '\(setting.key.value)' must be one of \(allowed.joined(separator: ", ")), not '\(setting.value.value)'", at: setting.value.location)
            }
        }
    }

    private func claim(_ name: Located<String>, in names: inout [String: SourceLocation], what: String) {
        if let first = names[name.value] {
            sink.error("\(what) '\(name.value)' is used twice (first at \(first.file):\(first.line))", at: name.location)
        }
        names[name.value] = name.location
    }

    static let transports = ["https", "http", "tcp"]

    private func check(_ interface: InterfaceDecl, roles: [String], _ context: Context) -> InterfaceModel {
        let what = "interface '\(interface.name.value)'"
        if !Naming.isIdentifier(interface.name.value) {
            sink.error("interface name '\(interface.name.value)' is not a Swift identifier; put the document's name in 'code'", at: interface.name.location)
        }
        if !roles.contains(interface.server.value) {
            let known = roles.isEmpty ? " (the protocol declares no roles)" : suggestion(for: interface.server.value, among: roles)
            sink.error("unknown role '\(interface.server.value)'\(known)", at: interface.server.location)
        }
        for transport in interface.transports where !Self.transports.contains(transport.value) {
            sink.error("unknown transport '\(transport.value)': expected one of \(Self.transports.joined(separator: ", "))", at: transport.location)
        }
        let names = interface.transports.map(\.value)
        if interface.transports.isEmpty { sink.error("\(what) needs at least one transport", at: interface.location) }
        if !interface.published, interface.request != nil || interface.response != nil || interface.path != nil {
            sink.error("\(what) is not published: it has no path, request or response", at: interface.location)
        }
        if interface.published, names.contains(where: { $0.hasPrefix("http") }), interface.path == nil {
            sink.error("\(what) is served over http(s) and needs a 'path'", at: interface.location)
        }
        if names.contains("tcp"), interface.command == nil {
            sink.error("\(what) is served over tcp and needs a 'command'", at: interface.location)
        }
        if let method = interface.method, !["POST", "GET"].contains(method.value) {
            sink.error("method must be POST or GET, not '\(method.value)'", at: method.location)
        }
        let request = interface.request.map(Self.listElement)
        let response = interface.response.map(Self.listElement)
        for shape in [request, response].compactMap({ $0 }) where !context.typeNames.contains(shape.name.value) {
            sink.error("unknown type '\(shape.name.value)'\(suggestion(for: shape.name.value, among: context.typeNames.sorted()))", at: shape.name.location)
        }
        return InterfaceModel(
            name: interface.name.value, code: interface.code?.value, label: interface.label, source: interface.source,
            citation: interface.citation, section: interface.section, server: interface.server.value, direction: interface.direction, transports: names,
            method: interface.method?.value, path: interface.path, command: interface.command?.value,
            request: request?.name.value, response: response?.name.value, requestIsList: request?.isList ?? false,
            responseIsList: response?.isList ?? false, published: interface.published,
            idempotent: interface.idempotent, authenticated: interface.authenticated, note: interface.note,
            location: interface.name.location)
    }

    /// `parkOrder` or `List<parkOrder>`: the type name and whether it is a list.
    private static func listElement(_ shape: Located<String>) -> (name: Located<String>, isList: Bool) {
        let text = shape.value.trimmingSpaces
        guard text.hasPrefix("List<"), text.hasSuffix(">") else { return (shape, false) }
        return (Located(value: String(text.dropFirst(5).dropLast()).trimmingSpaces, location: shape.location), true)
    }

    private struct Context {
        let typeNames: Set<String>
        let codeLists: [String: EnumModel]
    }

    private func claimSwiftName(_ name: Located<String>, in names: inout [String: SourceLocation]) {
        if !Naming.isIdentifier(name.value) {
            sink.error("'\(name.value)' is not a valid Swift type name", at: name.location)
        } else if let first = names[name.value] {
            sink.error("Swift type name '\(name.value)' is used twice (first at \(first.file):\(first.line))", at: name.location)
        }
        names[name.value] = name.location
    }

    private func check(_ type: TypeDecl, _ context: Context) -> TypeModel {
        var swiftNames: [String: SourceLocation] = [:]
        var wireNames = Set<String>()
        let fields = type.fields.map { field -> FieldModel in
            let model = check(field, in: type, context)
            if let first = swiftNames[model.swiftName] {
                sink.error("fields '\(field.name.value)' and the one at line \(first.line) both become Swift property '\(model.swiftName)'", at: field.name.location)
            }
            swiftNames[model.swiftName] = field.name.location
            for alias in field.aliases where !wireNames.insert(alias.value).inserted || type.fields.contains(where: { $0.name.value == alias.value }) {
                sink.error("alias '\(alias.value)' clashes with another field or alias of type '\(type.name.value)'", at: alias.location)
            }
            wireNames.insert(field.name.value)
            return model
        }
        let fieldNames = type.fields.map(\.name.value)
        for rule in type.rules {
            let referenced: [Located<String>] =
                switch rule.kind {
                case .atLeastOne(let names): names
                case .requiredIf(let field, let when, _): [field, when]
                }
            for name in referenced where !fieldNames.contains(name.value) {
                sink.error("rule names unknown field '\(name.value)' of type '\(type.name.value)'\(suggestion(for: name.value, among: fieldNames))", at: name.location)
            }
        }
        return TypeModel(
            name: type.name.value, swiftName: type.swiftName?.value ?? Naming.typeName(type.name.value), label: type.label,
            title: type.title, source: type.source, citation: type.citation, section: type.section, note: type.note, fields: fields,
            rules: type.rules, location: type.name.location)
    }

    private func check(_ field: FieldDecl, in owner: TypeDecl, _ context: Context) -> FieldModel {
        let resolved = resolve(field.type, context)
        let element: BuiltinType? = if case .builtin(let builtin) = resolved?.element { builtin } else { nil }
        let name = field.name.value
        func misplaced(_ key: String, _ location: SourceLocation, _ applies: String) {
            sink.error("'\(key)' applies to \(applies), not to field '\(name)' of type \(field.type.value)", at: location)
        }
        if let resolved {
            if let maxLength = field.maxLength, element != .string { misplaced("maxLength", maxLength.location, "String fields") }
            if let length = field.length, element != .string { misplaced("length", length.location, "String fields") }
            if let scale = field.scale, ![.decimal, .float, .double].contains(element) { misplaced("scale", scale.location, "Decimal, Float and Double fields") }
            for bound in [field.minimum, field.maximum].compactMap({ $0 }) {
                if !(element?.isNumeric ?? false) { misplaced("minimum/maximum", bound.location, "numeric fields") }
            }
            for count in [field.minItems, field.maxItems].compactMap({ $0 }) where !resolved.isList {
                misplaced("minItems/maxItems", count.location, "List fields")
            }
        }
        if let maxLength = field.maxLength, let length = field.length {
            sink.error("field '\(name)' has both 'maxLength' (\(maxLength.value)) and 'length' (\(length.value)); an exact length is one or the other", at: length.location)
        }
        for bound in [field.minimum, field.maximum].compactMap({ $0 }) where Naming.numberValue(bound.value) == nil {
            sink.error("'\(bound.value)' is not a number", at: bound.location)
        }
        if let minimum = field.minimum.flatMap({ Naming.numberValue($0.value) }), let maximum = field.maximum,
            let upper = Naming.numberValue(maximum.value), minimum > upper
        {
            sink.error("minimum \(field.minimum?.value ?? "") is greater than maximum \(maximum.value)", at: maximum.location)
        }
        var enumeration: EnumModel?
        var usesCodeList = false
        if let codeList = field.codeList {
            if !field.values.isEmpty {
                sink.error("field '\(name)' has both 'values' and 'codeList'; use one", at: codeList.location)
            }
            if let list = context.codeLists[codeList.value] {
                enumeration = list
                usesCodeList = true
                if element != list.rawType {
                    sink.error("code list '\(codeList.value)' holds \(list.rawType.rawValue) codes but field '\(name)' is \(field.type.value)", at: codeList.location)
                }
            } else {
                sink.error("unknown code list '\(codeList.value)'\(suggestion(for: codeList.value, among: context.codeLists.keys.sorted()))", at: codeList.location)
            }
        } else if !field.values.isEmpty, let valuesLocation = field.valuesLocation {
            enumeration = makeEnumeration(
                field.values, rawType: Located(value: element?.rawValue ?? field.type.value, location: field.type.location),
                swiftName: Naming.enumerationName(name), label: field.label, source: owner.source, citation: owner.citation, note: nil,
                at: valuesLocation)
        }
        if let extensions = field.extensions {
            if enumeration == nil || element != .int {
                sink.error("'extensions' applies to enumerated Int fields, not to field '\(name)'", at: extensions.minimum.location)
            } else if extensions.minimum.value > extensions.maximum.value {
                sink.error("extension range \(extensions.minimum.value)~\(extensions.maximum.value) is empty", at: extensions.maximum.location)
            }
        }
        let swiftName = field.swiftName?.value ?? Naming.propertyName(name)
        if let explicit = field.swiftName, !Naming.isIdentifier(explicit.value) {
            sink.error("'\(explicit.value)' is not a valid Swift property name", at: explicit.location)
        }
        return FieldModel(
            name: name, swiftName: swiftName, aliases: field.aliases.map(\.value), label: field.label,
            type: resolved ?? .builtin(.string), required: field.required, maxLength: field.maxLength?.value,
            exactLength: field.length?.value, minimum: field.minimum?.value, maximum: field.maximum?.value,
            scale: field.scale?.value, minItems: field.minItems?.value, maxItems: field.maxItems?.value, unit: field.unit,
            enumeration: enumeration,
            extensions: field.extensions.flatMap { $0.minimum.value <= $0.maximum.value ? $0.minimum.value...$0.maximum.value : nil },
            usesCodeList: usesCodeList, description: field.description, note: field.note, location: field.name.location)
    }

    /// Deepest `List<List<…>>` a type may nest: no document nests more than twice, and the
    /// Swift compiler's type checking grows fast with nesting.
    static let maxListNesting = 4

    /// Resolves `String`, `parkCarInfo`, `List<chargeItems>`; reports unknown names.
    private func resolve(_ type: Located<String>, _ context: Context, listDepth: Int = 0) -> TypeRef? {
        let text = type.value.trimmingSpaces
        if text.hasPrefix("List<") || text.hasPrefix("List <") {
            guard text.hasSuffix(">"), let open = text.firstIndex(of: "<") else {
                sink.error("malformed list type '\(type.value)': expected List<Element>", at: type.location)
                return nil
            }
            guard listDepth < Self.maxListNesting else {
                sink.error("lists nest at most \(Self.maxListNesting) deep", at: type.location)
                return nil
            }
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            return resolve(Located(value: inner, location: type.location), context, listDepth: listDepth + 1).map(TypeRef.list)
        }
        if let builtin = BuiltinType(rawValue: text) { return .builtin(builtin) }
        if context.typeNames.contains(text) { return .object(text) }
        let candidates = BuiltinType.allCases.map(\.rawValue) + context.typeNames.sorted()
        sink.error("unknown type '\(text)'\(suggestion(for: text, among: candidates))", at: type.location)
        return nil
    }

    /// Most values one enumeration or code list may have: each becomes a case of a Swift enum
    /// whose switches the compiler checks in time that grows with the square of their size
    /// (1,000 cases: about a second; 10,000: minutes).
    static let maxEnumerationValues = 1000

    /// Builds an enumeration, checking values against the raw type and case names.
    private func makeEnumeration(
        _ values: [EnumValueDecl], rawType: Located<String>, swiftName: String, label: String, source: String, citation: String?,
        note: String?, at location: SourceLocation
    ) -> EnumModel? {
        guard let raw = BuiltinType(rawValue: rawType.value), raw == .int || raw == .string else {
            sink.error("enumerated values need an Int or String type, not \(rawType.value)", at: rawType.location)
            return nil
        }
        guard values.count <= Self.maxEnumerationValues else {
            sink.error(
                "\(values.count) values: an enumeration or code list has at most \(Self.maxEnumerationValues); declare the field without values and describe them",
                at: location)
            return nil
        }
        if let bad = values.first(where: { $0.value.value.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) }) {
            sink.error("value '\(bad.value.value)' holds a tab or line break; wire values are single-line text", at: bad.value.location)
            return nil
        }
        var caseNames: [String: SourceLocation] = [:]
        let cases = values.compactMap { value -> EnumModel.Case? in
            if raw == .int, Int(value.value.value) == nil {
                sink.error("value '\(value.value.value)' is not an integer, but the field is Int", at: value.value.location)
            }
            let caseName = value.caseName.value
            if !Naming.isIdentifier(caseName) || caseName == "undocumented" {
                sink.error("case name '\(caseName)' is not usable: it must be a Swift identifier other than 'undocumented'", at: value.caseName.location)
            } else if caseName == "none" || caseName == "some" {
                sink.error(
                    "case name '\(caseName)' reads as Optional.\(caseName) where the field is optional ('.\(caseName)' would mean absent); choose another name",
                    at: value.caseName.location)
            } else if let first = caseNames[caseName] {
                sink.error("case name '\(caseName)' is used twice (first at line \(first.line))", at: value.caseName.location)
            }
            caseNames[caseName] = value.caseName.location
            return EnumModel.Case(
                wire: value.value.value, swiftName: caseName, meaning: value.meaning, detail: value.detail, also: value.also,
                location: value.value.location)
        }
        if cases.isEmpty { sink.error("an enumeration needs at least one value", at: location) }
        return EnumModel(
            swiftName: swiftName, label: label, source: source, citation: citation, rawType: raw, cases: cases, note: note, location: location)
    }

    /// A struct cannot contain itself except through a list: report such cycles.
    private func checkContainment(_ types: [TypeModel], _ decls: [TypeDecl]) {
        let byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func contains(_ start: String, _ current: String, _ seen: inout Set<String>) -> Bool {
            for field in byName[current]?.fields ?? [] {
                guard case .object(let target) = field.type else { continue }
                if target == start { return true }
                if seen.insert(target).inserted, contains(start, target, &seen) { return true }
            }
            return false
        }
        for decl in decls {
            var seen = Set<String>()
            if contains(decl.name.value, decl.name.value, &seen) {
                sink.error("type '\(decl.name.value)' contains itself through non-list fields; a value type cannot", at: decl.name.location)
            }
        }
    }
}
