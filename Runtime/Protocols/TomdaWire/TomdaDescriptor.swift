import InterchangeRuntime
import Tomda

/// The Tomda charging API for the tools and servers: `tomdaCatalog`; Tomda's own API (4.1,
/// form parameters, `TomdaAPIBinding`) and its pushes to a third party (5.2, `{type, time,
/// content}`, `TomdaPushBinding`). Neither signs or encrypts.
public struct TomdaDescriptor: ProtocolDescriptor {
    /// The descriptor.
    public init() {}

    public var catalog: ProtocolCatalog { tomdaCatalog }

    public var secrets: [SecretRequirement] { [] }

    /// A request is a push (`content` is returned); an answer is `{errorCode, errorDesc, data}`.
    public func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage {
        guard response else { return OpenedMessage(data: try TomdaEnvelope.openPush(bytes, limit: profile.maxMessageBytes).content) }
        let answer = try TomdaEnvelope.openResponse(bytes, limit: profile.maxMessageBytes)
        return OpenedMessage(data: answer.data, status: OpenedMessage.Status(code: answer.errorCode, message: answer.errorDesc, isSuccess: answer.isSuccess))
    }

    /// A request is a push: `type` is required, `time` defaults to now; an answer takes
    /// errorCode and errorDesc from the status.
    public func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue {
        let data: JSONValue? = seal.plaintext.isEmpty ? nil : try seal.data(limit: profile.maxMessageBytes)
        if let status = seal.status { return TomdaEnvelope.response(errorCode: status.code, errorDesc: status.message, data: data) }
        let time = try seal.members["time"].map { text throws(EnvelopeError) -> LocalDateTime in
            guard let time = LocalDateTime(text) else { throw EnvelopeError(.malformed, "time '\(text)' is not yyyy-MM-dd HH:mm:ss") }
            return time
        } ?? LocalDateTime(epochSeconds: seal.now.value)
        guard let time else { throw EnvelopeError(.malformed, "the time now cannot be written") }
        return TomdaEnvelope.push(type: try seal.member("type"), time: time, content: data ?? .null)
    }

    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue {
        if response {
            return .schemaObject(["errorCode": ["type": "string"], "errorDesc": ["type": "string"], "data": data], required: ["errorCode"])
        }
        if Self.isOwnAPI(interface) { return data }
        return .schemaObject(["type": ["const": .string(interface.code ?? "")], "time": ["type": "string"], "content": data], required: ["type", "time", "content"])
    }

    public func requestMediaType(for interface: InterfaceSchema) -> String {
        Self.isOwnAPI(interface) ? "application/x-www-form-urlencoded" : "application/json"
    }

    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) -> any ProtocolBinding & ClientBinding {
        server == Self.ownServer ? TomdaAPIBinding(profile: profile) : TomdaPushBinding(profile: profile)
    }

    /// The role of Tomda's own API in the spec.
    static let ownServer = "tomda"

    private static func isOwnAPI(_ interface: InterfaceSchema) -> Bool { interface.server == ownServer }
}
