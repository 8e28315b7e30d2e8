import InterchangeRuntime
import Youxing

/// Youxing (1.1, 4.1): POST `/interface`, `{data: Base64(AES(JSON)), token}` requests and
/// `{data, msg, status}` answers. Refusals: 302 empty parameters, 303 bad format (also
/// invalid business data, naming the field), 304 token mismatch, 500 system busy. The order
/// callback (3.3) is answered with the text `success`.
public struct YouxingBinding: ProtocolBinding {
    /// The envelope that encrypts and opens messages.
    public let envelope: YouxingEnvelope

    public var profile: PeerProfile { envelope.profile }

    /// A binding under the shared `key` (and `iv`, the key by default).
    public init(key: String, iv: String? = nil, profile: PeerProfile = PeerProfile()) {
        envelope = YouxingEnvelope(key: key, iv: iv, profile: profile)
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        let last = request.path.split(separator: "/").last.map(String.init) ?? ""
        return interfaces.first { $0.code == last || $0.path == request.path }
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        do {
            let opened = try envelope.openRequest(request.body, requiresToken: interface.authenticated)
            let data = try JSONReader(maxBytes: envelope.profile.maxMessageBytes).read(opened.data.plaintext)
            return OpenedRequest(object: data, caller: nil)
        } catch let error as EnvelopeError {
            throw DispatchFailure(error)
        } catch {
            // Answered exactly as a padding failure: telling them apart is a padding oracle.
            throw DispatchFailure(.envelope(.undecryptable), "data does not decrypt to JSON: \(error)")
        }
    }

    /// The `token` member, read before `data` is decrypted.
    public func presentedToken(in request: WireRequest) -> String? {
        guard case .object(let object)? = try? JSONReader(maxBytes: envelope.profile.maxMessageBytes).read(request.body),
            case .string(let token)? = object["token"], !token.isEmpty
        else { return nil }
        return token
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        if interface.code == "orderCallback" { return WireResponse(headers: [("Content-Type", "text/plain")], body: Array(YouxingEnvelope.callbackAcknowledgement.utf8)) }
        let payload = data.first.map { JSONWriter().bytes($0) }
        return answer(status: ResponseStatus.success.rawValue, msg: "succ", data: payload)
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        let status: ResponseStatus =
            switch failure.kind {
            case .envelope(let kind): YouxingEnvelope.status(for: EnvelopeError(kind, ""))
            case .invalid, .undecodable, .tooLarge, .unknownInterface: .badParameterFormat
            case .token: .tokenMismatch
            case .handlerFailed, .busy: .busy
            case .declined(let code): ResponseStatus(rawValue: code)
            }
        var response = answer(status: status.rawValue, msg: failure.answerText, data: nil)
        if case .unknownInterface = failure.kind { response.status = 404 }
        return response
    }

    private func answer(status: Int, msg: String, data: [UInt8]?) -> WireResponse {
        // Encrypting cannot fail once the key is right; a wrong key answers without data.
        let body = (try? envelope.response(status: status, msg: msg, data: data))
            ?? ["msg": .string(msg), "status": .number(ExactNumber(status))]
        return WireResponse(body: JSONWriter().bytes(body))
    }
}
