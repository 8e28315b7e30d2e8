/// The spec language as written: what a spec file says, before names are resolved.
/// Every element keeps its location for diagnostics. See Specs/README.md.

/// A value and where it was written.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let location: SourceLocation
}

public struct SpecFile: Sendable {
    /// Relative to the spec root, e.g. `DB4403/entities.yaml`.
    public let path: String
    /// As diagnostics print it, e.g. `Specs/DB4403/entities.yaml`.
    public let displayPath: String
    public var protocolDecl: ProtocolDecl?
    public var types: [TypeDecl] = []
    public var codeLists: [CodeListDecl] = []
    public var interfaces: [InterfaceDecl] = []
}

/// `protocol:`: the document, its base types (表2) and protocol-level settings.
public struct ProtocolDecl: Sendable {
    public let name: Located<String>
    public let module: Located<String>?
    public let title: String
    /// Cited in every generated doc comment, e.g. "DB4403/T 313—2023".
    public let citation: String
    public let notes: [String]
    /// Clauses the protocol-level settings and notes cover (for `interchange coverage`).
    public let covers: [String]
    /// The parties that serve interfaces, e.g. `cityPlatform: 城市停车管理平台`.
    public let roles: [(key: Located<String>, label: String)]
    public let baseTypes: [BaseTypeDecl]
    public let settings: [(key: Located<String>, value: Located<String>)]
    public let location: SourceLocation
}

/// A row of the document's base type table (DB4403 表2).
public struct BaseTypeDecl: Sendable {
    public let name: Located<String>
    public let json: String
    public let length: String?
    public let description: String
    public let format: String?
}

/// `types:` entry: one table of the document.
public struct TypeDecl: Sendable {
    public let name: Located<String>
    public let swiftName: Located<String>?
    public let label: String
    public let title: String?
    public let source: String
    /// The document the table comes from when it is not the protocol's (`T/CEC 102.3—2016`).
    public let citation: String?
    public let section: String?
    public let note: String?
    public let fields: [FieldDecl]
    public let rules: [RuleDecl]
}

/// One row of a table.
public struct FieldDecl: Sendable {
    public let name: Located<String>
    public let swiftName: Located<String>?
    public let aliases: [Located<String>]
    public let label: String
    public let type: Located<String>
    public let required: Bool
    public let maxLength: Located<Int>?
    public let length: Located<Int>?
    public let minimum: Located<String>?
    public let maximum: Located<String>?
    public let scale: Located<Int>?
    public let minItems: Located<Int>?
    public let maxItems: Located<Int>?
    public let unit: String?
    public let values: [EnumValueDecl]
    public let valuesLocation: SourceLocation?
    /// Values the document reserves for extensions ("3~99：扩展"): accepted, not documented.
    public let extensions: (minimum: Located<Int>, maximum: Located<Int>)?
    public let codeList: Located<String>?
    public let description: String?
    public let note: String?
    public let location: SourceLocation
}

/// A documented value: `0: {case: onStreet, meaning: 路内停车区}`.
public struct EnumValueDecl: Sendable {
    public let value: Located<String>
    public let caseName: Located<String>
    public let meaning: String
    /// The table's other columns for this value, e.g. "事件类别: 告警; 适用范围: 公共".
    public let detail: String?
    /// Further meanings the document gives the same value (表A.3 lists 8001–8003 twice).
    public let also: [(meaning: String, detail: String?)]
}

/// A cross-field rule the table states in prose.
public struct RuleDecl: Sendable {
    public enum Kind: Sendable {
        case atLeastOne([Located<String>])
        case requiredIf(field: Located<String>, when: Located<String>, equals: String)
    }

    public let kind: Kind
    public let text: String
    public let location: SourceLocation
}

/// `codeLists:` entry: a code table such as 表A.1.
public struct CodeListDecl: Sendable {
    public let name: Located<String>
    public let swiftName: Located<String>?
    public let label: String
    public let source: String
    public let type: Located<String>
    public let note: String?
    public let codes: [EnumValueDecl]
    public let location: SourceLocation
}

/// `interfaces:` entry: one interface of the document.
public struct InterfaceDecl: Sendable {
    /// The spec's name for it, also its Swift name: `login`, `queryToken`.
    public let name: Located<String>
    /// The document's code or wire name: `1001`, `query_token`, `WORK_DATA`.
    public let code: Located<String>?
    /// The document's name for it: 登录.
    public let label: String
    public let source: String
    /// The document the interface comes from when it is not the protocol's.
    public let citation: String?
    public let section: String?
    /// The role (from `protocol: roles:`) that serves it.
    public let server: Located<String>
    /// The document's word for the direction: 上行, 下行.
    public let direction: String?
    public let transports: [Located<String>]
    public let method: Located<String>?
    public let path: String?
    public let command: Located<Int>?
    public let request: Located<String>?
    public let response: Located<String>?
    /// False for interfaces the document names without publishing their schema.
    public let published: Bool
    /// False for calls that must never be retried on their own (start or stop charging).
    public let idempotent: Bool
    /// False for calls that carry no access token (the one that obtains it, callbacks).
    public let authenticated: Bool
    public let note: String?
    public let location: SourceLocation
}
