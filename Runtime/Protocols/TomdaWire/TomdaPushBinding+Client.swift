import InterchangeRuntime
import Tomda

extension TomdaPushBinding: ClientBinding {
    /// Tomda's side of a push (for simulators): `{type, time, content}`.
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: Int64) throws -> WireRequest {
        let time = LocalDateTime(epochSeconds: now) ?? LocalDateTime(date: LocalDate(year: 1970, month: 1, day: 1)!, time: LocalTime(hour: 8, minute: 0, second: 0)!)
        let push = TomdaEnvelope.push(type: interface.code ?? interface.name, time: time, content: data.first ?? [:])
        return WireRequest(path: "/", body: JSONWriter().bytes(push))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        let answer = try TomdaEnvelope.openResponse(response.body, limit: profile.maxMessageBytes)
        guard answer.isSuccess else { throw ClientError(.refused(code: answer.errorCode), answer.errorDesc ?? "") }
        return answer.data.map { [$0] } ?? []
    }
}
