import InterchangeRuntime

/// The checked, resolved model of one protocol: every name resolved, every constraint
/// consistent. Emitters read only this.
public struct ProtocolModel: Sendable {
    package let name: String
    /// The Swift module the protocol generates into.
    package let module: String
    package let title: String
    package let citation: String
    package let notes: [String]
    package let covers: [String]
    package let roles: [(key: String, label: String)]
    package let baseTypes: [BaseTypeDecl]
    package let settings: [(key: String, value: String)]
    /// The spec file that declares `protocol:`; its Swift file carries the catalog.
    package let protocolFile: String
    /// The spec files in path order, each with what it declares.
    package let files: [FileModel]
    /// Where the spec declares `protocol:` (its name).
    package let location: SourceLocation

    package var types: [TypeModel] { files.flatMap(\.types) }
    package var codeLists: [EnumModel] { files.flatMap(\.codeLists) }
    package var interfaces: [InterfaceModel] { files.flatMap(\.interfaces) }
}

/// What one spec file declares; it generates into one Swift file.
package struct FileModel: Sendable {
    /// Path relative to the spec root, e.g. `DB4403/entities.yaml`.
    package let path: String
    package let types: [TypeModel]
    package let codeLists: [EnumModel]
    package let interfaces: [InterfaceModel]
}

/// An interface, resolved: its server role and its request and response types.
package struct InterfaceModel: Sendable {
    package let name: String
    package let code: String?
    package let label: String
    package let source: String
    /// The document the interface comes from when it is not the protocol's.
    package let citation: String?
    package let section: String?
    package let server: String
    package let direction: String?
    package let transports: [String]
    package let method: String?
    package let path: String?
    package let command: Int?
    /// Document names of the request and response types.
    package let request: String?
    package let response: String?
    /// Whether the business data is a list of `request` / `response` objects (`List<T>`).
    package let requestIsList: Bool
    package let responseIsList: Bool
    package let published: Bool
    package let idempotent: Bool
    package let authenticated: Bool
    package let note: String?
    /// Where the spec declares it (its name).
    package let location: SourceLocation
}

package struct TypeModel: Sendable {
    /// The document's name for it, e.g. `parkInfo`.
    package let name: String
    package let swiftName: String
    package let label: String
    package let title: String?
    package let source: String
    /// The document the table comes from when it is not the protocol's.
    package let citation: String?
    package let section: String?
    package let note: String?
    package let fields: [FieldModel]
    package let rules: [RuleDecl]
    /// Where the spec declares it (its name).
    package let location: SourceLocation
}

package struct FieldModel: Sendable {
    package let name: String
    package let swiftName: String
    package let aliases: [String]
    package let label: String
    package let type: TypeRef
    package let required: Bool
    package let maxLength: Int?
    package let exactLength: Int?
    package let minimum: String?
    package let maximum: String?
    package let scale: Int?
    package let minItems: Int?
    package let maxItems: Int?
    package let unit: String?
    /// Set when the field's values are enumerated, inline or through a code list.
    package let enumeration: EnumModel?
    /// Undocumented values the document reserves for extensions.
    package let extensions: ClosedRange<Int>?
    /// True when `enumeration` is a protocol-level code list rather than nested in the type.
    package let usesCodeList: Bool
    package let description: String?
    package let note: String?
    /// Where the spec declares it (its name).
    package let location: SourceLocation
}

/// A field type, resolved.
package indirect enum TypeRef: Sendable {
    case builtin(BuiltinType)
    /// A declared object type, by its document name.
    case object(String)
    case list(TypeRef)

    /// The scalar at the bottom of lists.
    package var element: TypeRef {
        if case .list(let inner) = self { return inner.element }
        return self
    }

    package var isList: Bool {
        if case .list = self { return true }
        return false
    }
}


/// An enumeration: a field's documented values or a code list.
package struct EnumModel: Sendable {
    package let swiftName: String
    package let label: String
    package let source: String
    /// The document the values come from when it is not the protocol's.
    package let citation: String?
    /// `.int` or `.string`.
    package let rawType: BuiltinType
    package let cases: [Case]
    package let note: String?
    /// Where the spec declares the values or the code list.
    package let location: SourceLocation

    package struct Case: Sendable {
        package let wire: String
        package let swiftName: String
        package let meaning: String
        package let detail: String?
        /// Further meanings of the same value in the document.
        package let also: [(meaning: String, detail: String?)]
        /// Where the spec writes the value.
        package let location: SourceLocation

        /// Every meaning with its detail, as one text: "车辆入库 (普通) | 急停触发告警 (告警)".
        package var fullMeaning: String {
            ([(meaning, detail)] + also).map { item in item.1.map { "\(item.0) (\($0))" } ?? item.0 }.joined(separator: " | ")
        }

        /// `fullMeaning` on one line (tabs and line breaks as spaces), as schemas carry it.
        package var schemaMeaning: String {
            String(fullMeaning.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
    }
}

/// An element that cites its source: a table or clause of the protocol's document, or of
/// another document (`citation`), such as the T/CEC 102 interfaces DB4403 Annex B leaves out.
package protocol CitedElement {
    var source: String { get }
    var citation: String? { get }
}

extension CitedElement {
    /// The source as diagnostics and coverage name it: `表B.4`, or with its own document
    /// `T/CEC 102.3—2016 query_equip_charge_status`.
    package var citedSource: String { citation.map { "\($0) \(source)" } ?? source }

    /// The provenance line of generated doc comments: the document and the source.
    package func remark(protocolCitation: String) -> String {
        "- Remark: \(citation ?? protocolCitation) \(source)"
    }
}

extension TypeModel: CitedElement {}
extension InterfaceModel: CitedElement {}
extension EnumModel: CitedElement {}
