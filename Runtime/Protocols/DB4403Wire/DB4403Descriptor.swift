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

    /// `timestamp` defaults to now; the data is one object or a list; an answer's data is
    /// omitted unless it succeeds.
    public func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue {
        let envelope = DB4403Envelope(profile: profile)
        let value = try seal.data(limit: profile.maxMessageBytes)
        let data: [JSONValue] = if case .array(let list) = value { list } else { [value] }
        let timestamp = try seal.members["timestamp"].map { text throws(EnvelopeError) -> Int64 in
            guard let value = Int64(text), value >= 0 else { throw EnvelopeError(.malformed, "timestamp '\(text)' is not epoch seconds") }
            return value
        } ?? seal.now.value
        guard let status = seal.status else { return try envelope.request(data: data, timestamp: timestamp) }
        guard let code = Int(status.code) else { throw EnvelopeError(.malformed, "resultCode '\(status.code)' is not an integer") }
        return envelope.response(resultCode: code, resultMsg: status.message, timestamp: timestamp, data: data)
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
