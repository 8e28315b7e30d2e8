import InterchangeRuntime
import Yinli

/// The Yinli mall API for the tools and servers: `yinliCatalog`, its `{data, mallCode,
/// version}` requests and `{code, error, msg, success, data}` answers (1.1), `YinliBinding`.
public struct YinliDescriptor: ProtocolDescriptor {
    /// The descriptor.
    public init() {}

    public var catalog: ProtocolCatalog { yinliCatalog }

    public var secrets: [SecretRequirement] { [] }

    public func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage {
        guard response else { return OpenedMessage(data: .array(try YinliEnvelope.openRequest(bytes, limit: profile.maxMessageBytes).data)) }
        let answer = try YinliEnvelope.openResponse(bytes, limit: profile.maxMessageBytes)
        return OpenedMessage(data: answer.data, status: OpenedMessage.Status(code: answer.code, message: answer.msg, isSuccess: answer.success))
    }

    /// A request is the data itself; an answer takes code and msg from the status.
    public func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue {
        let data: JSONValue? = seal.plaintext.isEmpty ? nil : try seal.data(limit: profile.maxMessageBytes)
        guard let status = seal.status else { return data ?? [:] }
        return YinliEnvelope.response(code: status.code, success: status.isSuccess, msg: status.message, data: data)
    }

    /// The whole body is the interface's table (1.1).
    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue { data }

    public func requestMediaType(for interface: InterfaceSchema) -> String { "application/json" }

    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) -> any ProtocolBinding & ClientBinding {
        YinliBinding(profile: profile)
    }
}
