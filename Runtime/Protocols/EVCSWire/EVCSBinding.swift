import EVCS
import InterchangeRuntime

/// EVCS (Annex B.3): URL `/evcs/v{version}/{interface}`, sealed `{OperatorID, Data,
/// TimeStamp, Seq, Sig}` requests with a bearer token (B.3.1), sealed `{Ret, Msg, Data, Sig}`
/// answers. Refusals answer 表B.26: 4001 signature, 4002 token, 4003 POST parameters (the
/// envelope), 4004 business parameters (naming the field), 500 system error.
///
/// One binding serves one partner (`init(secrets:)`, also what a client uses) or several
/// (`init(partners:)`): a request is opened, and its answer sealed, with the secrets of the
/// OperatorID it names.
public struct EVCSBinding: ProtocolBinding {
    public let profile: PeerProfile
    /// The envelope of the one partner, or of the client's own operator.
    private let own: EVCSEnvelope?
    /// Each partner's envelope by OperatorID, when serving several.
    private let partners: [String: EVCSEnvelope]

    /// A binding for one partner (or a client's own operator) with `secrets`. Fails when the
    /// data secret or IV is not the 16 bytes AES-128 needs, so answers can always be sealed.
    public init(secrets: EVCSSecrets, profile: PeerProfile = PeerProfile()) throws(CryptoError) {
        try Self.check(secrets)
        self.profile = profile
        own = EVCSEnvelope(secrets: secrets, profile: profile)
        partners = [:]
    }

    /// A binding serving several partners, each by its `operatorID` with its own secrets. A
    /// request naming an OperatorID not among them is refused as badly signed (4001), so the
    /// answer does not tell which operators exist.
    public init(partners: [EVCSSecrets], profile: PeerProfile = PeerProfile()) throws(CryptoError) {
        for secrets in partners { try Self.check(secrets) }
        self.profile = profile
        own = nil
        self.partners = Dictionary(partners.map { ($0.operatorID, EVCSEnvelope(secrets: $0, profile: profile)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The envelope for `operatorID`: its partner's when serving several, else the one.
    public func envelope(for operatorID: String?) -> EVCSEnvelope? {
        if partners.isEmpty { return own }
        return operatorID.flatMap { partners[$0] }
    }

    private static func check(_ secrets: EVCSSecrets) throws(CryptoError) {
        _ = try Cipher.aes128CBC.encrypt([], key: Array(secrets.dataSecret.utf8), iv: Array(secrets.dataSecretIV.utf8))
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        let last = request.path.split(separator: "/").last.map(String.init) ?? ""
        return interfaces.first { $0.code == last || $0.code?.lowercased() == last.lowercased() }
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        let opened: EVCSEnvelope.Request
        do throws(EnvelopeError) {
            // Read once: serving several partners, the OperatorID picks the secrets that open it.
            let object = try EVCSEnvelope.requestObject(request.body, profile: profile)
            let reader = own ?? EVCSEnvelope(secrets: EVCSSecrets(operatorID: "", dataSecret: "", dataSecretIV: "", sigSecret: ""), profile: profile)
            let caller = partners.isEmpty ? nil : try object.envelopeScalarText(reader.key("OperatorID", in: object))
            guard let envelope = envelope(for: caller) else {
                throw EnvelopeError(.badSignature, "no secrets for OperatorID \(caller ?? "")")
            }
            opened = try envelope.openRequest(object: object, now: now)
        } catch {
            throw DispatchFailure(error)
        }
        let data: JSONValue
        do {
            data = try JSONReader(maxBytes: profile.maxMessageBytes).read(opened.plaintext)
        } catch {
            // Told apart from a padding failure by nothing: one refusal for every unreadable Data.
            throw DispatchFailure(.envelope(.undecryptable), "Data does not decrypt to JSON: \(error)")
        }
        let replay = LocalDateTime(compact: opened.timeStamp).map { sent in
            OpenedRequest.Replay(key: "\(opened.operatorID)|\(opened.seq)|\(opened.timeStamp)|\(opened.sig)", sentAt: EpochSeconds(sent.epochSeconds()))
        }
        return OpenedRequest(object: data, caller: opened.operatorID, replay: replay)
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        seal(ret: RetCode.success.rawValue, msg: "请求成功", data: data.first.map { JSONWriter().bytes($0) } ?? [], to: opened.caller)
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        var response = seal(ret: Self.ret(failure).rawValue, msg: failure.answerText, data: [], to: caller)
        if case .unknownInterface = failure.kind { response.status = 404 }
        return response
    }

    /// 表B.26 Ret for a failure.
    public static func ret(_ failure: DispatchFailure) -> RetCode {
        switch failure.kind {
        case .envelope(let kind): EVCSEnvelope.ret(for: EnvelopeError(kind, ""))
        case .token: .badToken
        case .tooLarge, .unknownInterface: .badPostParameters
        case .invalid, .undecodable: .badBusinessParameters
        case .handlerFailed: .systemError
        case .busy: .busy
        case .declined(let code): RetCode(rawValue: code)
        }
    }

    /// An answer sealed with `caller`'s secrets. To a caller without secrets (an unknown
    /// partner) it goes unsigned: there is no shared secret to sign with, and nothing in it.
    private func seal(ret: Int, msg: String, data: [UInt8], to caller: String?) -> WireResponse {
        guard let envelope = envelope(for: caller) else {
            return WireResponse(body: JSONWriter().bytes(["Ret": .number(ExactNumber(ret)), "Msg": .string(msg), "Data": "", "Sig": ""]))
        }
        // The secrets were checked in init, so sealing cannot fail; were it to, say so plainly.
        guard let body = try? envelope.response(ret: ret, msg: msg, data: data) else {
            return WireResponse(status: 500, body: JSONWriter().bytes(["Ret": 500, "Msg": "系统错误"]))
        }
        return WireResponse(body: JSONWriter().bytes(body))
    }
}
