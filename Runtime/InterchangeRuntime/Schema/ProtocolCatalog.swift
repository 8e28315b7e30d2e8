/// What a generated protocol module describes: its document, settings, models and code
/// lists. `interchange describe` and the exports read it.
public struct ProtocolCatalog: Sendable {
    public let name: String
    public let title: String
    /// How generated doc comments cite the document, e.g. "DB4403/T 313—2023".
    public let citation: String
    /// What the document gets wrong or leaves open, protocol-wide.
    public let notes: [String]
    /// Protocol-level settings (envelope, signing, key casing), as the spec states them.
    public let settings: [(key: String, value: String)]
    public let models: [any WireModel.Type]
    public let codeLists: [CodeListSchema]

    public init(
        name: String, title: String, citation: String, notes: [String], settings: [(String, String)],
        models: [any WireModel.Type], codeLists: [CodeListSchema]
    ) {
        self.name = name
        self.title = title
        self.citation = citation
        self.notes = notes
        self.settings = settings.map { (key: $0.0, value: $0.1) }
        self.models = models
        self.codeLists = codeLists
    }

    /// The model a user names: the document's name (`parkInfo`), the Swift name
    /// (`ParkInfo`) or the source table (`表3`); names compare case-insensitively.
    public func model(named name: String) -> (any WireModel.Type)? {
        let wanted = name.lowercased()
        return models.first { model in
            model.schema.name.lowercased() == wanted || String(describing: model).lowercased() == wanted
                || model.schema.source == name
        }
    }
}

/// A code table such as DB4403 表A.1: codes and their meanings.
public struct CodeListSchema: Sendable {
    public let name: String
    public let label: String
    public let source: String
    public let values: [EnumValue]

    public init(name: String, label: String, source: String, values: [EnumValue]) {
        self.name = name
        self.label = label
        self.source = source
        self.values = values
    }
}
