import DB4403
import InterchangeRuntime

/// DB4403/T 313—2023 for the tools and servers: `db4403Catalog`, its https envelope (表31,
/// 表32) and `DB4403Binding`. Its messages need no secrets (the sign is an unkeyed SHA1).
public struct DB4403Descriptor: ProtocolDescriptor {
    /// The descriptor (it holds nothing: the catalog is generated).
    public init() {}

    public var catalog: ProtocolCatalog { db4403Catalog }

    public var secrets: [SecretRequirement] { [] }

    public func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage {
        let envelope = DB4403Envelope(profile: profile)
        guard response else { return OpenedMessage(data: .array(try envelope.openRequest(bytes).data)) }
        let answer = try envelope.openResponse(bytes)
        let status = OpenedMessage.Status(
            code: String(answer.resultCode), message: answer.resultMsg, isSuccess: answer.resultCode == ResultCode.success.rawValue)
        // A refusal's data holds 表A.2 codes, not the interface's table.
        return OpenedMessage(data: status.isSuccess ? .array(answer.data) : nil, status: status)
    }

    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue {
        // 表31 and 表32 always carry a list, whatever the interface's table.
        let list: JSONValue = ["type": "array", "items": data]
        return response
            ? .schemaObject(
                ["resultCode": ["type": "integer"], "resultMsg": ["type": "string", "maxLength": 255], "timestamp": ["type": "integer"], "data": list],
                required: ["resultCode", "timestamp", "data"])
            : .schemaObject(
                ["timestamp": ["type": "integer"], "sign": ["type": "string", "description": "SHA1 of the key-sorted data, lower-case hex (6.1.1 g)"], "data": list],
                required: ["timestamp", "sign", "data"])
    }

    public func requestMediaType(for interface: InterfaceSchema) -> String { "application/json" }

    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) -> any ProtocolBinding & ClientBinding {
        DB4403Binding(profile: profile)
    }
}
