import EVCS
import InterchangeRuntime

/// The EVCS charging protocol (DB4403/T 313—2023 附录B, T/CEC 102) for the tools and servers:
/// `evcsCatalog`, its sealed envelope (B.3) and `EVCSBinding`, keyed by the operator's Data
/// and Sig secrets.
public struct EVCSDescriptor: ProtocolDescriptor {
    /// The descriptor (secrets are given per use).
    public init() {}

    public var catalog: ProtocolCatalog { evcsCatalog }

    /// `--data-secret` / `INTERCHANGE_EVCS_DATA_SECRET`.
    public static let dataSecret = SecretRequirement(name: "data-secret", environment: "INTERCHANGE_EVCS_DATA_SECRET", summary: "AES-128 key of Data (16 bytes)")
    /// `--data-iv` / `INTERCHANGE_EVCS_DATA_IV`, defaulting to the data secret.
    public static let dataIV = SecretRequirement(
        name: "data-iv", environment: "INTERCHANGE_EVCS_DATA_IV", summary: "AES IV of Data (default: the data secret)", fallback: "data-secret")
    /// `--sig-secret` / `INTERCHANGE_EVCS_SIG_SECRET`.
    public static let sigSecret = SecretRequirement(name: "sig-secret", environment: "INTERCHANGE_EVCS_SIG_SECRET", summary: "HMAC-MD5 key of Sig")

    public var secrets: [SecretRequirement] { [Self.dataSecret, Self.dataIV, Self.sigSecret] }

    /// The secrets of one operator from `values`.
    public static func secrets(_ values: SecretValues, operatorID: String = "") throws(EnvelopeError) -> EVCSSecrets {
        EVCSSecrets(
            operatorID: operatorID, dataSecret: try values.value(dataSecret), dataSecretIV: try values.value(dataIV),
            sigSecret: try values.value(sigSecret))
    }

    public func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage {
        let envelope = EVCSEnvelope(secrets: try Self.secrets(secrets), profile: profile)
        guard response else {
            let plaintext = try envelope.openRequest(bytes).plaintext
            return OpenedMessage(data: try Self.json(plaintext, profile), plaintext: plaintext)
        }
        let answer = try envelope.openResponse(bytes)
        let status = OpenedMessage.Status(code: String(answer.ret), message: answer.msg, isSuccess: answer.ret == RetCode.success.rawValue)
        // An error answer may carry no Data at all (B.3.4: Data "" with Ret 4002).
        guard !answer.plaintext.isEmpty || status.isSuccess else { return OpenedMessage(data: nil, status: status) }
        return OpenedMessage(data: try Self.json(answer.plaintext, profile), plaintext: answer.plaintext, status: status)
    }

    /// Decrypted Data as JSON, or a refusal saying that it is the Data that is not JSON.
    private static func json(_ plaintext: [UInt8], _ profile: PeerProfile) throws(EnvelopeError) -> JSONValue {
        do {
            return try JSONReader(maxBytes: profile.maxMessageBytes).read(plaintext)
        } catch {
            throw EnvelopeError(.malformed, "the decrypted Data is not JSON: \(error)")
        }
    }

    /// A request needs `OperatorID`; `TimeStamp` and `Seq` default to now and 0001. An answer
    /// takes Ret and Msg from the status; empty plaintext seals an empty Data.
    public func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue {
        if let status = seal.status {
            guard let ret = Int(status.code) else { throw EnvelopeError(.malformed, "Ret '\(status.code)' is not an integer") }
            return try EVCSEnvelope(secrets: try Self.secrets(secrets), profile: profile).response(ret: ret, msg: status.message ?? "", data: seal.plaintext)
        }
        let envelope = EVCSEnvelope(secrets: try Self.secrets(secrets, operatorID: try seal.member("OperatorID")), profile: profile)
        var sequencer = EVCSSequencer()
        let generated = try sequencer.next(at: seal.now)
        return try envelope.request(data: seal.plaintext, timeStamp: seal.members["TimeStamp"] ?? generated.timeStamp, seq: seal.members["Seq"] ?? generated.seq)
    }

    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue {
        let sealed: JSONValue = ["type": "string", "contentEncoding": "base64", "description": "AES-128-CBC of the JSON of the data"]
        return response
            ? .schemaObject(["Ret": ["type": "integer"], "Msg": ["type": "string"], "Data": sealed, "Sig": ["type": "string"]], required: ["Ret", "Msg", "Data", "Sig"])
            : .schemaObject(
                ["OperatorID": ["type": "string"], "Data": sealed, "TimeStamp": ["type": "string", "pattern": "^\\d{14}$"],
                 "Seq": ["type": "string", "pattern": "^\\d{4}$"], "Sig": ["type": "string"]],
                required: ["OperatorID", "Data", "TimeStamp", "Seq", "Sig"])
    }

    public func requestMediaType(for interface: InterfaceSchema) -> String { "application/json" }

    /// The binding of this side's operator: its OperatorID (which its requests carry) from the
    /// value `operator-id`, when given, and its Data and Sig secrets.
    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) throws -> any ProtocolBinding & ClientBinding {
        try EVCSBinding(secrets: try Self.secrets(secrets, operatorID: secrets["operator-id"] ?? ""), profile: profile)
    }
}
