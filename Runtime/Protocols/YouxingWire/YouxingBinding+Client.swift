import InterchangeRuntime
import Youxing

extension YouxingBinding: ClientBinding {
    public func request(_ interface: InterfaceSchema, data: [JSONValue], token: String?, now: EpochSeconds) throws -> WireRequest {
        let body = try envelope.request(data: JSONWriter().bytes(data.first ?? [:]), token: token)
        return WireRequest(path: profile.path(of: interface), body: JSONWriter().bytes(body))
    }

    public func answer(_ response: WireResponse, interface: InterfaceSchema) throws -> [JSONValue] {
        if interface.code == "orderCallback" {
            guard YouxingEnvelope.acknowledgesCallback(response.body) else {
                // A refusal is a status answer (4.1); anything else is no acknowledgement.
                if let refusal = try? envelope.openResponse(response.body) {
                    throw ClientError(.refused(code: String(refusal.status)), refusal.msg)
                }
                throw ClientError(.refused(code: String(response.status)), "the callback was not acknowledged with success")
            }
            return []
        }
        let answer = try envelope.openResponse(response.body)
        guard answer.status == 200 else {
            if answer.status == ResponseStatus.tokenMismatch.rawValue { throw TokenRejected(code: String(answer.status)) }
            throw ClientError(.refused(code: String(answer.status)), answer.msg)
        }
        guard let data = answer.data else { return [] }
        do {
            return [try JSONReader(maxBytes: envelope.profile.maxMessageBytes).read(data.plaintext)]
        } catch {
            throw ClientError(.malformedAnswer, "data is not JSON: \(error)")
        }
    }
}
