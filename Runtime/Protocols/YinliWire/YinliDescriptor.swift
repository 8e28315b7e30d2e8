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

    /// The whole body is the interface's table (1.1).
    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue { data }

    public func requestMediaType(for interface: InterfaceSchema) -> String { "application/json" }

    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) -> any ProtocolBinding & ClientBinding {
        YinliBinding(profile: profile)
    }
}
