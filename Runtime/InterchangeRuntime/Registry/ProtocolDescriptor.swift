/// One protocol as the tools and servers see it: its schemas, how to open its messages, how
/// its messages look around a table, and a binding to serve or call it. Each protocol's wire
/// module provides one; the `interchange` tool reads the list of them (its registry), so a
/// new protocol is its folder plus one line there, and a piece it forgets is a compile error.
public protocol ProtocolDescriptor: Sendable {
    /// The protocol's schemas (its generated catalog, or one loaded from specs).
    var catalog: ProtocolCatalog { get }
    /// The secrets opening or sealing its messages takes; empty when it needs none.
    var secrets: [SecretRequirement] { get }
    /// Opens a whole message as received (a request, or with `response` an answer): checks its
    /// signature over the text received, decrypts, and returns the business data with, for an
    /// answer, the protocol's status.
    func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage
    /// Seals business data into a whole message (a request, or with `seal.status` an answer),
    /// its text used verbatim where the protocol encrypts or signs it. Throws `EnvelopeError`
    /// for a member the protocol requires and `seal` lacks, `CryptoError` for bad secrets.
    func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue
    /// The JSON Schema of the message that carries `data` (the schema of the business data,
    /// or a list of it) for `interface`, as a request or as an answer.
    func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue
    /// The media type of `interface`'s request body.
    func requestMediaType(for interface: InterfaceSchema) -> String
    /// The binding for the side that serves `server` (an interface's `server` role), under
    /// `profile`. Throws when `secrets` lack what the binding needs.
    func binding(server: String, profile: PeerProfile, secrets: SecretValues) throws -> any ProtocolBinding & ClientBinding
}

/// A whole message opened by its protocol's descriptor.
public struct OpenedMessage: Sendable {
    /// The business data; nil when the message carries none (an error answer, often).
    public let data: JSONValue?
    /// The decrypted text of the data, exactly as the peer encrypted it, for protocols that
    /// encrypt; nil otherwise.
    public let plaintext: [UInt8]?
    /// An answer's status in the protocol's terms (EVCS Ret and Msg, Youxing status and msg,
    /// DB4403 resultCode and resultMsg); nil for requests and protocols without one.
    public let status: Status?

    /// An answer's status.
    public struct Status: Sendable, Hashable {
        /// The code as the peer sent it: `0`, `4002`, `200`.
        public let code: String
        /// The message the peer sent with it.
        public let message: String?
        /// Whether the code means success.
        public let isSuccess: Bool

        /// A status with the peer's `code` and `message`.
        public init(code: String, message: String?, isSuccess: Bool) {
            self.code = code
            self.message = message
            self.isSuccess = isSuccess
        }
    }

    /// An opened message: its data, decrypted text and status.
    public init(data: JSONValue?, plaintext: [UInt8]? = nil, status: Status? = nil) {
        self.data = data
        self.plaintext = plaintext
        self.status = status
    }
}

/// What `ProtocolDescriptor.sealMessage` seals.
public struct SealRequest: Sendable {
    /// The business data's JSON text, exactly as it is to be encrypted or signed.
    public var plaintext: [UInt8]
    /// An answer's status; nil seals a request.
    public var status: OpenedMessage.Status?
    /// Envelope members given as text, by the document's names (EVCS `OperatorID`,
    /// `TimeStamp`, `Seq`; DB4403 `timestamp`; Youxing `token`; Tomda `type`); members not
    /// given are generated where the protocol allows it.
    public var members: [String: String]
    /// The time generated timestamps say.
    public var now: EpochSeconds

    /// What to seal: `plaintext` as a request, or with `status` as an answer.
    public init(plaintext: [UInt8], status: OpenedMessage.Status? = nil, members: [String: String] = [:], now: EpochSeconds = .now) {
        self.plaintext = plaintext
        self.status = status
        self.members = members
        self.now = now
    }

    /// The business data parsed, as a refusal when it is not JSON.
    public func data(limit: Int) throws(EnvelopeError) -> JSONValue {
        try EnvelopeError.readJSON(plaintext, limit: limit)
    }

    /// A member the protocol requires, as a refusal naming it when missing.
    public func member(_ name: String) throws(EnvelopeError) -> String {
        guard let value = members[name], !value.isEmpty else { throw EnvelopeError(.missingMember, "'\(name)' is required to seal this message") }
        return value
    }
}

/// A secret a protocol's messages need, as a tool asks for it: `--NAME`, or the environment
/// variable `environment`.
public struct SecretRequirement: Sendable, Hashable {
    /// The option name, without dashes: `data-secret`.
    public let name: String
    /// The environment variable that supplies it when the option is absent.
    public let environment: String
    /// What it is, for help texts.
    public let summary: String
    /// Another secret that stands in when this one is absent (an IV that defaults to the key).
    public let fallback: String?

    /// A secret asked for as `--name` or `environment`.
    public init(name: String, environment: String, summary: String, fallback: String? = nil) {
        self.name = name
        self.environment = environment
        self.summary = summary
        self.fallback = fallback
    }
}

/// Secret values by `SecretRequirement.name`. Never printed: `description` names the keys only.
public struct SecretValues: Sendable, CustomStringConvertible {
    private let values: [String: String]

    /// Secrets by requirement name; empty values count as absent.
    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    /// The value of `name`, if given.
    public subscript(name: String) -> String? { values[name] }

    /// The value of `requirement`, or of its fallback; a refusal saying how to give it.
    public func value(_ requirement: SecretRequirement) throws(EnvelopeError) -> String {
        if let value = values[requirement.name] ?? requirement.fallback.flatMap({ values[$0] }) { return value }
        throw EnvelopeError(.undecryptable, "give --\(requirement.name) or set \(requirement.environment)")
    }

    public var description: String { "SecretValues(\(values.keys.sorted().joined(separator: ", ")))" }
}

extension JSONValue {
    /// A JSON Schema object with `properties`, requiring `required`.
    public static func schemaObject(_ properties: KeyValuePairs<String, JSONValue>, required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(JSONObject(properties.map { JSONObject.Member($0.key, $0.value) })),
         "required": .array(required.map(JSONValue.string))]
    }
}
