/// What a protocol describes: its document, settings, tables, code lists and interfaces. A
/// generated module declares one with its Swift models; the compiler builds one from a spec
/// folder with schemas only (`interchange … --specs DIR`). `interchange describe`, the exports
/// and the dispatcher read it.
public struct ProtocolCatalog: Sendable {
    /// The protocol's name: `DB4403`, `EVCS`.
    public let name: String
    /// The document's title.
    public let title: String
    /// How generated doc comments cite the document, e.g. "GB/T 1234—2020".
    public let citation: String
    /// Other documents some tables and interfaces come from (`T/CEC 102.3—2016`); their
    /// sources begin with the document's name.
    public let otherDocuments: [String]
    /// What the document gets wrong or leaves open, protocol-wide.
    public let notes: [String]
    /// Protocol-level settings (envelope, signing, key casing), as the spec states them.
    public let settings: [(key: String, value: String)]
    /// The parties that serve interfaces: role name and the document's label.
    public let roles: [(name: String, label: String)]
    /// Every table, as its generated model; empty for a catalog loaded from specs.
    public let models: [any WireModel.Type]
    /// Every table's schema, in the specs' order.
    public let tables: [ObjectSchema]
    /// Every code list (表A.1 and the like).
    public let codeLists: [CodeListSchema]
    /// Every interface, in the document's order.
    public let interfaces: [InterfaceSchema]

    /// A protocol's catalog: generated code gives `models`, a catalog loaded from specs gives
    /// `tables` (by default the models' schemas).
    public init(
        name: String, title: String, citation: String, otherDocuments: [String] = [], notes: [String], settings: [(String, String)],
        roles: [(String, String)], models: [any WireModel.Type] = [], tables: [ObjectSchema]? = nil, codeLists: [CodeListSchema],
        interfaces: [InterfaceSchema]
    ) {
        self.name = name
        self.title = title
        self.citation = citation
        self.otherDocuments = otherDocuments
        self.notes = notes
        self.settings = settings.map { (key: $0.0, value: $0.1) }
        self.roles = roles.map { (name: $0.0, label: $0.1) }
        self.models = models
        self.tables = tables ?? models.compactMap(InterfaceSchema.table(of:))
        self.codeLists = codeLists
        self.interfaces = interfaces
    }

    /// A source as a reader cites it: `GB/T 1234—2020 附录B 表B.4`, or a source that names
    /// its own document as it is (`T/CEC 102.3—2016 query_equip_charge_status`).
    public func cite(_ source: String) -> String {
        document(citing: source) == citation ? "\(citation) \(source)" : source
    }

    /// The document a source belongs to: one of `otherDocuments` when it begins with its
    /// name, else this protocol's.
    public func document(citing source: String) -> String {
        otherDocuments.first { source.hasPrefix($0 + " ") } ?? citation
    }

    /// The interface a user names: its code (`1001`, `query_token`), its spec name
    /// (`login`) or the document's label; names compare case-insensitively.
    public func interface(named name: String) -> InterfaceSchema? {
        let wanted = name.lowercased()
        return interfaces.first { $0.code?.lowercased() == wanted || $0.name.lowercased() == wanted || $0.label == name }
    }

    /// The table a user names: the document's name (`parkInfo`), the Swift name (`ParkInfo`)
    /// or the source table (`表3`); names compare case-insensitively.
    public func table(named name: String) -> ObjectSchema? {
        let wanted = name.lowercased()
        return tables.first { $0.name.lowercased() == wanted || $0.source == name || swiftName(of: $0)?.lowercased() == wanted }
    }

    /// The name of `table`'s generated Swift model, when the catalog has models.
    public func swiftName(of table: ObjectSchema) -> String? {
        for model in models where model.schema === table { return String(describing: model) }
        return nil
    }
}

/// A code table (表A.1 of a standard, say): codes and their meanings.
public struct CodeListSchema: Sendable {
    /// The code list's name in the specs.
    public let name: String
    /// The document's caption of the list.
    public let label: String
    /// The table that lists the codes (表A.2).
    public let source: String
    /// The codes and their meanings, in the document's order.
    public let values: [EnumValue]

    /// A code list (generated code builds these).
    public init(name: String, label: String, source: String, values: [EnumValue]) {
        self.name = name
        self.label = label
        self.source = source
        self.values = values
    }
}

/// One interface of a document: who serves it, how it is reached, what it carries.
public struct InterfaceSchema: Sendable {
    /// The spec's name, also the Swift name: `login`.
    public let name: String
    /// The document's code or wire name: `1001`, `query_token`.
    public let code: String?
    /// The document's name: 登录.
    public let label: String
    /// The document's tables and clauses that define the interface.
    public let source: String
    /// The role that serves it (see `ProtocolCatalog.roles`).
    public let server: String
    /// The document's word for the direction: 上行, 下行.
    public let direction: String?
    /// `https`, `tcp`: how the interface is reached.
    public let transports: [String]
    /// The HTTP method, when the document names one.
    public let method: String?
    /// The path relative to the peer's base URL, for https.
    public let path: String?
    /// The TCP command number.
    public let command: Int?
    /// The request's table; nil when the request carries no data.
    public let request: ObjectSchema?
    /// The request table's generated model; nil when loaded from specs.
    public let requestModel: (any WireModel.Type)?
    /// Whether the request's business data is a list of `request` objects.
    public let requestIsList: Bool
    /// The response's table; nil when the answer carries no data.
    public let response: ObjectSchema?
    /// The response table's generated model; nil when loaded from specs.
    public let responseModel: (any WireModel.Type)?
    /// Whether the response's business data is a list of `response` objects.
    public let responseIsList: Bool
    /// False for interfaces the document names without publishing their schema.
    public let published: Bool
    /// False for calls never retried on their own (start or stop charging).
    public let idempotent: Bool
    /// False for calls that carry no access token (the one that obtains it, callbacks):
    /// clients send none and dispatchers ask for none.
    public let authenticated: Bool
    /// What the document gets wrong or leaves open about this interface.
    public let note: String?

    /// An interface's schema. Generated code gives the request and response models; a catalog
    /// loaded from specs gives their tables (`requestTable`, `responseTable`).
    public init(
        name: String, code: String? = nil, label: String, source: String, server: String, direction: String? = nil,
        transports: [String], method: String? = nil, path: String? = nil, command: Int? = nil,
        request: (any WireModel.Type)? = nil, requestTable: ObjectSchema? = nil, requestIsList: Bool = false,
        response: (any WireModel.Type)? = nil, responseTable: ObjectSchema? = nil,
        responseIsList: Bool = false, published: Bool = true, idempotent: Bool = true,
        authenticated: Bool = true, note: String? = nil
    ) {
        self.name = name
        self.code = code
        self.label = label
        self.source = source
        self.server = server
        self.direction = direction
        self.transports = transports
        self.method = method
        self.path = path
        self.command = command
        self.request = Self.table(of: request) ?? requestTable
        self.requestModel = request
        self.requestIsList = requestIsList
        self.response = Self.table(of: response) ?? responseTable
        self.responseModel = response
        self.responseIsList = responseIsList
        self.published = published
        self.idempotent = idempotent
        self.authenticated = authenticated
        self.note = note
    }

    static func table(of model: (any WireModel.Type)?) -> ObjectSchema? {
        guard let model else { return nil }
        return model.schema
    }
}
