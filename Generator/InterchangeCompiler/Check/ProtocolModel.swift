/// The checked, resolved model of one protocol: every name resolved, every constraint
/// consistent. Emitters read only this.
public struct ProtocolModel: Sendable {
    public let name: String
    /// The Swift module the protocol generates into.
    public let module: String
    public let title: String
    public let citation: String
    public let notes: [String]
    public let covers: [String]
    public let roles: [(key: String, label: String)]
    public let baseTypes: [BaseTypeDecl]
    public let settings: [(key: String, value: String)]
    /// The spec file that declares `protocol:`; its Swift file carries the catalog.
    public let protocolFile: String
    /// The spec files in path order, each with what it declares.
    public let files: [FileModel]

    public var types: [TypeModel] { files.flatMap(\.types) }
    public var codeLists: [EnumModel] { files.flatMap(\.codeLists) }
    public var interfaces: [InterfaceModel] { files.flatMap(\.interfaces) }
}

/// What one spec file declares; it generates into one Swift file.
public struct FileModel: Sendable {
    /// Path relative to the spec root, e.g. `DB4403/entities.yaml`.
    public let path: String
    public let types: [TypeModel]
    public let codeLists: [EnumModel]
    public let interfaces: [InterfaceModel]
}

/// An interface, resolved: its server role and its request and response types.
public struct InterfaceModel: Sendable {
    public let name: String
    public let code: String?
    public let label: String
    public let source: String
    /// The document the interface comes from when it is not the protocol's.
    public let citation: String?
    public let section: String?
    public let server: String
    public let direction: String?
    public let transports: [String]
    public let method: String?
    public let path: String?
    public let command: Int?
    /// Document names of the request and response types.
    public let request: String?
    public let response: String?
    /// Whether the business data is a list of `request` / `response` objects (`List<T>`).
    public let requestIsList: Bool
    public let responseIsList: Bool
    public let published: Bool
    public let idempotent: Bool
    public let authenticated: Bool
    public let note: String?
}

public struct TypeModel: Sendable {
    /// The document's name for it, e.g. `parkInfo`.
    public let name: String
    public let swiftName: String
    public let label: String
    public let title: String?
    public let source: String
    /// The document the table comes from when it is not the protocol's.
    public let citation: String?
    public let section: String?
    public let note: String?
    public let fields: [FieldModel]
    public let rules: [RuleDecl]
}

public struct FieldModel: Sendable {
    public let name: String
    public let swiftName: String
    public let aliases: [String]
    public let label: String
    public let type: TypeRef
    public let required: Bool
    public let maxLength: Int?
    public let exactLength: Int?
    public let minimum: String?
    public let maximum: String?
    public let scale: Int?
    public let minItems: Int?
    public let maxItems: Int?
    public let unit: String?
    /// Set when the field's values are enumerated, inline or through a code list.
    public let enumeration: EnumModel?
    /// Undocumented values the document reserves for extensions.
    public let extensions: ClosedRange<Int>?
    /// True when `enumeration` is a protocol-level code list rather than nested in the type.
    public let usesCodeList: Bool
    public let description: String?
    public let note: String?
}

/// A field type, resolved.
public indirect enum TypeRef: Sendable {
    case builtin(BuiltinType)
    /// A declared object type, by its document name.
    case object(String)
    case list(TypeRef)

    /// The scalar at the bottom of lists.
    public var element: TypeRef {
        if case .list(let inner) = self { return inner.element }
        return self
    }

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }
}

/// The base types of DB4403 表2, the vocabulary every protocol's specs are written in.
public enum BuiltinType: String, Sendable, CaseIterable {
    case string = "String", int = "Int", long = "Long", boolean = "Boolean", float = "Float", double = "Double"
    case decimal = "Decimal", date = "Date", dateTime = "DateTime", time = "Time", timestamp = "Timestamp"
    case uuid = "Uuid"
    /// 表2 Object: any JSON object, kept as received (for objects another document defines).
    case object = "Object"

    var isNumeric: Bool { [.int, .long, .float, .double, .decimal, .timestamp].contains(self) }
    var isInteger: Bool { [.int, .long, .timestamp].contains(self) }
    var isTextual: Bool { [.string, .date, .dateTime, .time, .uuid].contains(self) }
}

/// An enumeration: a field's documented values or a code list.
public struct EnumModel: Sendable {
    public let swiftName: String
    public let label: String
    public let source: String
    /// The document the values come from when it is not the protocol's.
    public let citation: String?
    /// `.int` or `.string`.
    public let rawType: BuiltinType
    public let cases: [Case]
    public let note: String?

    public struct Case: Sendable {
        public let wire: String
        public let swiftName: String
        public let meaning: String
        public let detail: String?
        /// Further meanings of the same value in the document.
        public let also: [(meaning: String, detail: String?)]

        /// Every meaning with its detail, as one text: "车辆入库 (普通) | 急停触发告警 (告警)".
        public var fullMeaning: String {
            ([(meaning, detail)] + also).map { item in item.1.map { "\(item.0) (\($0))" } ?? item.0 }.joined(separator: " | ")
        }

        /// `fullMeaning` on one line (tabs and line breaks as spaces), as schemas carry it.
        public var schemaMeaning: String {
            String(fullMeaning.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
    }
}

/// An element that cites its source: a table or clause of the protocol's document, or of
/// another document (`citation`), such as the T/CEC 102 interfaces DB4403 Annex B leaves out.
public protocol CitedElement {
    var source: String { get }
    var citation: String? { get }
}

extension CitedElement {
    /// The source as diagnostics and coverage name it: `表B.4`, or with its own document
    /// `T/CEC 102.3—2016 query_equip_charge_status`.
    public var citedSource: String { citation.map { "\($0) \(source)" } ?? source }

    /// The provenance line of generated doc comments: the document and the source.
    public func remark(protocolCitation: String) -> String {
        "- Remark: \(citation ?? protocolCitation) \(source)"
    }
}

extension TypeModel: CitedElement {}
extension InterfaceModel: CitedElement {}
extension EnumModel: CitedElement {}
