import InterchangeRuntime
import Yinli

/// Yinli (0.1, 1.1): POST to the interface's path, `{data: [...], mallCode, version}`, answered
/// `{code, error, msg, success, data}`; refusals answer success false with code "400" and a
/// message naming the field (the document publishes no codes).
public struct YinliBinding: ProtocolBinding {
    public let profile: PeerProfile

    /// A binding for a peer described by `profile`.
    public init(profile: PeerProfile = PeerProfile()) {
        self.profile = profile
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        interfaces.first { $0.path == request.path }
    }

    /// The whole body is the request table (1.1 publishes no required flags, so its members
    /// are checked by validation, not here).
    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        do {
            let body = try EnvelopeError.readJSON(request.body, limit: profile.maxMessageBytes)
            _ = try body.envelopeObject("a Yinli request")
            return OpenedRequest(object: body, caller: nil)
        } catch {
            throw DispatchFailure(error)
        }
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        WireResponse(body: JSONWriter().bytes(data.first ?? YinliEnvelope.response(code: "200", success: true, msg: "success")))
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        let code = if case .declined(let code) = failure.kind { String(code) } else { "400" }
        var response = WireResponse(body: JSONWriter().bytes(YinliEnvelope.response(code: code, success: false, msg: failure.answerText)))
        if case .unknownInterface = failure.kind { response.status = 404 }
        return response
    }
}
