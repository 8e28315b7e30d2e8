import EVCS
import InterchangeRuntime

/// EVCS (Annex B.3): URL `/evcs/v{version}/{interface}`, sealed `{OperatorID, Data,
/// TimeStamp, Seq, Sig}` requests with a bearer token (B.3.1), sealed `{Ret, Msg, Data, Sig}`
/// answers. Refusals answer 表B.26: 4001 signature, 4002 token, 4003 POST parameters (the
/// envelope), 4004 business parameters (naming the field), 500 system error.
public struct EVCSBinding: ProtocolBinding {
    /// The envelope that seals, checks and opens messages.
    public let envelope: EVCSEnvelope

    public var profile: PeerProfile { envelope.profile }

    /// Fails when the data secret or IV is not the 16 bytes AES-128 needs, so answers can
    /// always be sealed.
    public init(secrets: EVCSSecrets, profile: PeerProfile = PeerProfile()) throws(CryptoError) {
        envelope = EVCSEnvelope(secrets: secrets, profile: profile)
        _ = try Cipher.aes128CBC.encrypt([], key: Array(secrets.dataSecret.utf8), iv: Array(secrets.dataSecretIV.utf8))
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        let last = request.path.split(separator: "/").last.map(String.init) ?? ""
        return interfaces.first { $0.code == last || $0.code?.lowercased() == last.lowercased() }
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        let opened: EVCSEnvelope.Request
        do {
            opened = try envelope.openRequest(request.body, now: now)
        } catch {
            throw DispatchFailure(error)
        }
        let data: JSONValue
        do {
            data = try JSONReader(maxBytes: envelope.profile.maxMessageBytes).read(opened.plaintext)
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
        seal(ret: RetCode.success.rawValue, msg: "请求成功", data: data.first.map { JSONWriter().bytes($0) } ?? [])
    }

    public func refuse(_ failure: DispatchFailure, now: EpochSeconds) -> WireResponse {
        var response = seal(ret: Self.ret(failure).rawValue, msg: failure.answerText, data: [])
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
        }
    }

    private func seal(ret: Int, msg: String, data: [UInt8]) -> WireResponse {
        // The secrets were checked in init, so sealing cannot fail; were it to, say so plainly.
        guard let body = try? envelope.response(ret: ret, msg: msg, data: data) else {
            return WireResponse(status: 500, body: JSONWriter().bytes(["Ret": 500, "Msg": "系统错误"]))
        }
        return WireResponse(body: JSONWriter().bytes(body))
    }
}
