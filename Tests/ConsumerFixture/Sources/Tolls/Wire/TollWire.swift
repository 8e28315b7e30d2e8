// The Toll protocol's wire code, written against the runtime's public API only: the folder
// a protocol adds beside its specs. Requests are `{"sign": SHA1(canonical data), "data": {...}}`,
// answers `{"code": 0, "message": "...", "data": {...}}`; refusals carry code 1 (envelope),
// 2 (business data, naming the field) or 9 (anything else).
import InterchangeRuntime

/// The Toll envelope.
public struct TollEnvelope: Sendable {
    public let profile: PeerProfile

    public init(profile: PeerProfile = PeerProfile()) {
        self.profile = profile
    }

    /// The lower-case hex SHA1 of `data`'s canonical JSON.
    public func sign(_ data: JSONValue) throws(CryptoError) -> String {
        try Digest.sha1.hex(JSONWriter(keyOrder: profile.signKeyOrder).bytes(data))
    }

    /// A signed request carrying `data`.
    public func request(_ data: JSONValue) throws(CryptoError) -> JSONValue {
        ["sign": .string(try sign(data)), "data": data]
    }

    /// The data of a request, its sign checked over the data as received.
    public func open(_ body: [UInt8]) throws(EnvelopeError) -> JSONValue {
        let object = try EnvelopeError.readJSON(body, limit: profile.maxMessageBytes).envelopeObject("a Toll request")
        let received = try object.envelopeString("sign")
        guard let data = object["data"] else { throw EnvelopeError(.missingMember, "'data' is missing") }
        let expected = try EnvelopeError.expectedSignature { () throws(CryptoError) in try sign(data) }
        guard profile.signatureMatches(received: received, expected: expected) else {
            throw EnvelopeError(.badSignature, "sign does not match the data")
        }
        return data
    }

    /// An answer.
    public func answer(code: Int, message: String, data: JSONValue?) -> JSONValue {
        var object: JSONObject = ["code": .number(ExactNumber(code)), "message": .string(message)]
        if let data { object.append("data", data) }
        return .object(object)
    }
}

/// Serves and calls Toll over https: the interface is the path.
public struct TollBinding: ProtocolBinding, ClientBinding {
    public let envelope: TollEnvelope

    public var profile: PeerProfile { envelope.profile }

    public init(profile: PeerProfile = PeerProfile()) {
        envelope = TollEnvelope(profile: profile)
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        interfaces.first { $0.path == request.path }
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        do {
            return OpenedRequest(object: try envelope.open(request.body), caller: nil)
        } catch {
            throw DispatchFailure(error)
        }
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        WireResponse(body: JSONWriter().bytes(envelope.answer(code: 0, message: "ok", data: data.first)))
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        let code: Int =
            switch failure.kind {
            case .envelope: 1
            case .invalid: 2
            default: 9
            }
        var response = WireResponse(body: JSONWriter().bytes(envelope.answer(code: code, message: failure.answerText, data: nil)))
        if case .unknownInterface = failure.kind { response.status = 404 }
        return response
    }

    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        WireRequest(path: interface.path ?? "/", body: JSONWriter().bytes(try envelope.request(data.first ?? [:])))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let body = try EnvelopeError.readJSON(response.body, limit: profile.maxMessageBytes)
        guard case .number(let code)? = body["code"], code.text == "0" else {
            throw ClientError(.refused(code: body["code"].map { JSONWriter().string($0) } ?? "?"), "the platform refused the request")
        }
        return body["data"].map { [$0] } ?? []
    }
}

/// Toll for the tools and servers: the registry line is `TollDescriptor()`.
public struct TollDescriptor: ProtocolDescriptor {
    public init() {}

    public var catalog: ProtocolCatalog { tollCatalog }

    public var secrets: [SecretRequirement] { [] }

    public func openMessage(_ bytes: [UInt8], response: Bool, profile: PeerProfile, secrets: SecretValues) throws(EnvelopeError) -> OpenedMessage {
        if response {
            let answer = try EnvelopeError.readJSON(bytes, limit: profile.maxMessageBytes).envelopeObject("a Toll answer")
            let code = try answer.envelopeScalarText("code")
            let message: String? = if case .string(let text)? = answer["message"] { text } else { nil }
            return OpenedMessage(data: answer["data"], status: OpenedMessage.Status(code: code, message: message, isSuccess: code == "0"))
        }
        return OpenedMessage(data: try TollEnvelope(profile: profile).open(bytes))
    }

    public func sealMessage(_ seal: SealRequest, profile: PeerProfile, secrets: SecretValues) throws -> JSONValue {
        let data = try seal.data(limit: profile.maxMessageBytes)
        guard let status = seal.status else { return try TollEnvelope(profile: profile).request(data) }
        return TollEnvelope(profile: profile).answer(code: Int(status.code) ?? 9, message: status.message ?? "", data: data)
    }

    public func messageSchema(around data: JSONValue, interface: InterfaceSchema, response: Bool) -> JSONValue {
        response
            ? .schemaObject(["code": ["type": "integer"], "message": ["type": "string"], "data": data], required: ["code", "message"])
            : .schemaObject(["sign": ["type": "string", "pattern": "^[0-9a-f]{40}$"], "data": data], required: ["sign", "data"])
    }

    public func requestMediaType(for interface: InterfaceSchema) -> String { "application/json" }

    public func binding(server: String, profile: PeerProfile, secrets: SecretValues) -> any ProtocolBinding & ClientBinding {
        TollBinding(profile: profile)
    }
}
