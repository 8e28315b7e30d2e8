import InterchangeRuntime
import Tomda

/// Tomda's pushes to a third party (5.2): one POST endpoint, `{type, time, content}`, told
/// apart by `type`; answered `{errorCode, errorDesc, data}` with errorCode 200, or 1401 (bad
/// parameters, naming the field) on refusal.
public struct TomdaPushBinding: ProtocolBinding {
    public let profile: PeerProfile

    /// A binding for a peer described by `profile`.
    public init(profile: PeerProfile = PeerProfile()) {
        self.profile = profile
    }

    public func interface(for request: WireRequest, among interfaces: [InterfaceSchema]) -> InterfaceSchema? {
        // Only `type` is needed here: the tape finds it without building the body's tree.
        guard let tape = try? JSONReader(maxBytes: profile.maxMessageBytes).tape(request.body), let value = tape.member("type"),
            let type = tape.string(at: value)
        else { return nil }
        return interfaces.first { $0.code == type }
    }

    public func open(_ request: WireRequest, interface: InterfaceSchema, now: EpochSeconds) throws(DispatchFailure) -> OpenedRequest {
        do {
            return OpenedRequest(object: try TomdaEnvelope.openPush(request.body, limit: profile.maxMessageBytes).content, caller: nil)
        } catch {
            throw DispatchFailure(error)
        }
    }

    public func respond(_ data: [JSONValue], to opened: OpenedRequest, interface: InterfaceSchema, now: EpochSeconds) -> WireResponse {
        TomdaAnswers.success(data)
    }

    public func refuse(_ failure: DispatchFailure, caller: String?, now: EpochSeconds) -> WireResponse {
        TomdaAnswers.refusal(failure, handlerFailed: .badParameters)
    }
}
