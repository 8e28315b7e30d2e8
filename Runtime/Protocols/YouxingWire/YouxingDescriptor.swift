import InterchangeRuntime
import Youxing

/// The Youxing charging API for the tools and servers: `youxingCatalog`, its `{data, token}`
/// envelope with AES-encrypted data (1.1) and `YouxingBinding`, keyed by the shared key.
public struct YouxingDescriptor: ProtocolDescriptor {
    /// The descriptor (secrets are given per use).
    public init() {}

    public var catalog: ProtocolCatalog { youxingCatalog }

    /// `--key` / `INTERCHANGE_KEY`.
    public static let key = SecretRequirement(name: "key", environment: "INTERCHANGE_KEY", summary: "AES-128 key of data (16 bytes)")
    /// `--iv` / `INTERCHANGE_IV`, defaulting to the key.
    public static let iv = SecretRequirement(name: "iv", environment: "INTERCHANGE_IV", summary: "AES IV of data (default: the key)", fallback: "key")

    public var secrets: [SecretRequirement] { [Self.key, Self.iv] }

    public func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage {
        let envelope = YouxingEnvelope(key: try secrets.value(Self.key), iv: secrets[Self.iv.name], profile: profile)
        guard response else {
            let opened = try envelope.openRequest(bytes, requiresToken: false).data
            return OpenedMessage(data: try EnvelopeError.readJSON(opened.plaintext, limit: profile.maxMessageBytes), plaintext: opened.plaintext)
        }
        let answer = try envelope.openResponse(bytes)
        let status = OpenedMessage.Status(code: String(answer.status), message: answer.msg, isSuccess: answer.status == ResponseStatus.success.rawValue)
        return OpenedMessage(
            data: try answer.data.map { data throws(EnvelopeError) in try EnvelopeError.readJSON(data.plaintext, limit: profile.maxMessageBytes) },
            plaintext: answer.data?.plaintext, status: status)
    }

    /// A request carries `token` when given; an answer takes status and msg from the status.
    public func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue {
        let envelope = YouxingEnvelope(key: try secrets.value(Self.key), iv: secrets[Self.iv.name], profile: profile)
        guard let status = seal.status else { return try envelope.request(data: seal.plaintext, token: seal.members["token"]) }
        guard let code = Int(status.code) else { throw EnvelopeError(.malformed, "status '\(status.code)' is not an integer") }
        return try envelope.response(status: code, msg: status.message ?? "", data: seal.plaintext.isEmpty ? nil : seal.plaintext)
    }

    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue {
        let sealed: JSONValue = ["type": "string", "contentEncoding": "base64", "description": "AES-128-CBC of the JSON of the data"]
        return response
            ? .schemaObject(["data": sealed, "msg": ["type": "string"], "status": ["type": "integer"]], required: ["status"])
            : .schemaObject(["data": sealed, "token": ["type": "string"]], required: ["data"])
    }

    public func requestMediaType(for interface: InterfaceSchema) -> String { "application/json" }

    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) throws -> any ProtocolBinding & ClientBinding {
        YouxingBinding(key: try secrets.value(Self.key), iv: secrets[Self.iv.name], profile: profile)
    }
}
