/// The spec language as written: what a spec file says, before names are resolved.
/// Every element keeps its location for diagnostics. See Specs/README.md.

/// A value and where it was written.
package struct Located<Value: Sendable>: Sendable {
    package let value: Value
    package let location: SourceLocation
}

package struct SpecFile: Sendable {
    /// Relative to the spec root, e.g. `DB4403/entities.yaml`.
    package let path: String
    /// As diagnostics print it, e.g. `Specs/DB4403/entities.yaml`.
    package let displayPath: String
    package var protocolDecl: ProtocolDecl?
    package var types: [TypeDecl] = []
    package var codeLists: [CodeListDecl] = []
    package var interfaces: [InterfaceDecl] = []
}

/// `protocol:`: the document, its base types (表2) and protocol-level settings.
package struct ProtocolDecl: Sendable {
    package let name: Located<String>
    package let module: Located<String>?
    package let title: String
    /// Cited in every generated doc comment, e.g. "DB4403/T 313—2023".
    package let citation: String
    package let notes: [String]
    /// Clauses the protocol-level settings and notes cover (for `interchange coverage`).
    package let covers: [String]
    /// The parties that serve interfaces, e.g. `cityPlatform: 城市停车管理平台`.
    package let roles: [(key: Located<String>, label: String)]
    package let baseTypes: [BaseTypeDecl]
    package let settings: [(key: Located<String>, value: Located<String>)]
    package let location: SourceLocation
}

/// A row of the document's base type table (DB4403 表2).
package struct BaseTypeDecl: Sendable {
    package let name: Located<String>
    package let json: String
    package let length: String?
    package let description: String
    package let format: String?
}

/// `types:` entry: one table of the document.
package struct TypeDecl: Sendable {
    package let name: Located<String>
    package let swiftName: Located<String>?
    package let label: String
    package let title: String?
    package let source: String
    /// The document the table comes from when it is not the protocol's (`T/CEC 102.3—2016`).
    package let citation: String?
    package let section: String?
    package let note: String?
    package let fields: [FieldDecl]
    package let rules: [RuleDecl]
}

/// One row of a table.
package struct FieldDecl: Sendable {
    package let name: Located<String>
    package let swiftName: Located<String>?
    package let aliases: [Located<String>]
    package let label: String
    package let type: Located<String>
    package let required: Bool
    package let maxLength: Located<Int>?
    package let length: Located<Int>?
    package let minimum: Located<String>?
    package let maximum: Located<String>?
    package let scale: Located<Int>?
    package let minItems: Located<Int>?
    package let maxItems: Located<Int>?
    package let unit: String?
    package let values: [EnumValueDecl]
    package let valuesLocation: SourceLocation?
    /// Values the document reserves for extensions ("3~99：扩展"): accepted, not documented.
    package let extensions: (minimum: Located<Int>, maximum: Located<Int>)?
    package let codeList: Located<String>?
    package let description: String?
    package let note: String?
    package let location: SourceLocation
}

/// A documented value: `0: {case: onStreet, meaning: 路内停车区}`.
package struct EnumValueDecl: Sendable {
    package let value: Located<String>
    package let caseName: Located<String>
    package let meaning: String
    /// The table's other columns for this value, e.g. "事件类别: 告警; 适用范围: 公共".
    package let detail: String?
    /// Further meanings the document gives the same value (表A.3 lists 8001–8003 twice).
    package let also: [(meaning: String, detail: String?)]
}

/// A cross-field rule the table states in prose.
package struct RuleDecl: Sendable {
    package enum Kind: Sendable {
        case atLeastOne([Located<String>])
        case requiredIf(field: Located<String>, when: Located<String>, equals: String)
    }

    package let kind: Kind
    package let text: String
    package let location: SourceLocation
}

/// `codeLists:` entry: a code table such as 表A.1.
package struct CodeListDecl: Sendable {
    package let name: Located<String>
    package let swiftName: Located<String>?
    package let label: String
    package let source: String
    package let type: Located<String>
    package let note: String?
    package let codes: [EnumValueDecl]
    package let location: SourceLocation
}

/// `interfaces:` entry: one interface of the document.
package struct InterfaceDecl: Sendable {
    /// The spec's name for it, also its Swift name: `login`, `queryToken`.
    package let name: Located<String>
    /// The document's code or wire name: `1001`, `query_token`, `WORK_DATA`.
    package let code: Located<String>?
    /// The document's name for it: 登录.
    package let label: String
    package let source: String
    /// The document the interface comes from when it is not the protocol's.
    package let citation: String?
    package let section: String?
    /// The role (from `protocol: roles:`) that serves it.
    package let server: Located<String>
    /// The document's word for the direction: 上行, 下行.
    package let direction: String?
    package let transports: [Located<String>]
    package let method: Located<String>?
    package let path: String?
    package let command: Located<Int>?
    package let request: Located<String>?
    package let response: Located<String>?
    /// False for interfaces the document names without publishing their schema.
    package let published: Bool
    /// False for calls that must never be retried on their own (start or stop charging).
    package let idempotent: Bool
    /// False for calls that carry no access token (the one that obtains it, callbacks).
    package let authenticated: Bool
    package let note: String?
    package let location: SourceLocation
}
