import InterchangeRuntime
import Tomda

extension TomdaPushBinding: ClientBinding {
    /// Tomda's side of a push (for simulators): `{type, time, content}`.
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        guard let time = LocalDateTime(epochSeconds: now.value) else {
            throw ClientError(.unsendable, "\(now) is outside the years a push's time can carry")
        }
        let push = TomdaEnvelope.push(type: interface.code ?? interface.name, time: time, content: data.first ?? [:])
        return WireRequest(path: "/", body: JSONWriter().bytes(push))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try TomdaEnvelope.openResponse(response.body, limit: profile.maxMessageBytes)
        guard answer.isSuccess else { throw ClientError(.refused(code: answer.errorCode), answer.errorDesc ?? "") }
        return answer.data.map { [$0] } ?? []
    }
}
